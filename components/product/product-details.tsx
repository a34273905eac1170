import Link from "next/link";
import { AddToCartForm } from "@/components/cart/add-to-cart-form.tsx";
import { WishlistButton } from "@/components/wishlist/wishlist-button.tsx";
import type { ProductDetail } from "@/lib/catalog/types.ts";
import { brandHref, categoryHref, productHref } from "@/lib/catalog/routes.ts";
import { Price } from "./price.tsx";
import { ProductImage } from "./product-image.tsx";
import { SpecsTable } from "./specs-table.tsx";
import { StockBadge } from "./stock-badge.tsx";
import styles from "./product-details.module.css";

/** The body of a product page: picture, name, price, stock, description and specifications. */
export function ProductDetails({ product }: { product: ProductDetail }) {
  return (
    <article className={styles.product} aria-labelledby="product-name">
      <div className={styles.media}>
        <ProductImage product={product} size="hero" preload />
      </div>

      <div className={styles.summary}>
        <p className={styles.brand}>{product.brand.name}</p>
        <h1 id="product-name" className={styles.name}>
          {product.name}
        </h1>
        <div className={styles.buy}>
          <Price amount={product.priceCents} currency={product.currency} compareAt={product.compareAtPriceCents} size="lg" />
          <StockBadge stock={product.stock} />
        </div>
        <AddToCartForm productId={product.id} stock={product.stock} />
        <WishlistButton productId={product.id} returnTo={productHref(product.slug)} />
        {product.description ? <p className={styles.description}>{product.description}</p> : null}
        <dl className={styles.facts}>
          <div>
            <dt>Brand</dt>
            <dd>
              <Link href={brandHref(product.brand.slug)}>{product.brand.name}</Link>
            </dd>
          </div>
          <div>
            <dt>Category</dt>
            <dd>
              <Link href={categoryHref(product.category.slug)}>{product.category.name}</Link>
            </dd>
          </div>
          <div>
            <dt>SKU</dt>
            <dd className={styles.sku}>{product.sku}</dd>
          </div>
        </dl>
      </div>

      <section className={styles.specs} aria-labelledby="specs-heading">
        <h2 id="specs-heading" className={styles.sectionTitle}>
          Specifications
        </h2>
        <SpecsTable specs={product.specs} caption={`Specifications of ${product.name}`} />
      </section>
    </article>
  );
}
