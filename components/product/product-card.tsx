import Link from "next/link";
import type { ProductSummary } from "@/lib/catalog/types.ts";
import { productHref } from "@/lib/catalog/routes.ts";
import { Price } from "./price.tsx";
import { ProductImage } from "./product-image.tsx";
import { StockBadge } from "./stock-badge.tsx";
import styles from "./product-card.module.css";

/** A product in a grid. The whole card is one link (the name), so it is one tab stop. */
export function ProductCard({ product, headingLevel = 3 }: { product: ProductSummary; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className={styles.card}>
      <ProductImage product={product} />
      <div className={styles.body}>
        <p className={styles.category}>{product.category.name}</p>
        <Heading className={styles.name}>
          <Link href={productHref(product.slug)} className={styles.link}>
            {product.name}
          </Link>
        </Heading>
        <p className={styles.brand}>{product.brand.name}</p>
        <div className={styles.footer}>
          <Price amount={product.priceCents} currency={product.currency} compareAt={product.compareAtPriceCents} />
          <StockBadge stock={product.stock} />
        </div>
      </div>
    </article>
  );
}
