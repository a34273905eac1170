import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/layout/breadcrumbs.tsx";
import { PageHeading } from "@/components/listing/page-heading.tsx";
import { Price } from "@/components/product/price.tsx";
import { StockBadge } from "@/components/product/stock-badge.tsx";
import { WishlistLineActions } from "@/components/wishlist/wishlist-line-actions.tsx";
import styles from "@/components/wishlist/wishlist.module.css";
import { accountHref } from "@/lib/auth/routes.ts";
import { requireShopper } from "@/lib/auth/session.ts";
import { allProductsHref, productHref } from "@/lib/catalog/routes.ts";
import { listWishlist } from "@/lib/wishlist/wishlist-store.ts";
import { wishlistHref } from "@/lib/wishlist/routes.ts";

export const metadata: Metadata = { title: "Your wishlist", robots: { index: false, follow: false } };

export default async function WishlistPage() {
  const shopper = await requireShopper(wishlistHref());
  const products = await listWishlist(shopper.id);
  return (
    <>
      <Breadcrumbs items={[{ label: "Home", href: "/" }, { label: "Account", href: accountHref() }, { label: "Wishlist" }]} />
      <PageHeading title="Your wishlist">
        {products.length === 0 ? "Nothing saved yet: use “Save to wishlist” on any product." : `${products.length} saved.`}
      </PageHeading>
      {products.length > 0 ? (
        <ul className={styles.list}>
          {products.map((product) => (
            <li key={product.id} className={styles.item}>
              <span>
                <Link href={productHref(product.slug)} className={styles.name}>
                  {product.name}
                </Link>{" "}
                <Price amount={product.priceCents} currency={product.currency} /> <StockBadge stock={product.stock} />
              </span>
              <WishlistLineActions productId={product.id} productName={product.name} inStock={product.stock > 0} />
            </li>
          ))}
        </ul>
      ) : (
        <p>
          <Link href={allProductsHref()} className="button">
            Browse products
          </Link>
        </p>
      )}
    </>
  );
}
