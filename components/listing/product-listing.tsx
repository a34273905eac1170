import Link from "next/link";
import { pageRange } from "@/lib/catalog/pagination.ts";
import type { ProductListPage } from "@/lib/catalog/types.ts";
import { ProductGrid } from "@/components/product/product-grid.tsx";
import { Pagination } from "./pagination.tsx";
import { SortLinks } from "./sort-links.tsx";
import styles from "./product-listing.module.css";

interface ProductListingProps {
  /** The category slug being listed, or null for every product. */
  category: string | null;
  /** What the list holds, for its accessible name: "Graphics cards". */
  label: string;
  result: ProductListPage;
}

/** Toolbar (count and sorting), the product grid and pagination. */
export function ProductListing({ category, label, result }: ProductListingProps) {
  const { from, to } = pageRange(result.page, result.pageSize, result.totalCount);
  const noun = result.totalCount === 1 ? "product" : "products";
  return (
    <section className={styles.listing} aria-labelledby="listing-heading">
      <h2 id="listing-heading" className="visually-hidden">
        {label}
      </h2>
      <div className={styles.toolbar}>
        <p className={styles.count}>
          {result.totalCount === 0 ? (
            "No products"
          ) : (
            <>
              Showing <strong>{from}</strong>–<strong>{to}</strong> of <strong>{result.totalCount}</strong> {noun}
            </>
          )}
        </p>
        {result.totalCount > 1 ? <SortLinks category={category} current={result.sort} /> : null}
      </div>

      {result.products.length > 0 ? (
        <ProductGrid products={result.products} label={`${label}, page ${result.page} of ${result.totalPages}`} />
      ) : (
        <div className={styles.empty}>
          <p className={styles.emptyTitle}>Nothing here yet</p>
          <p>We have no products to show in this list right now.</p>
          {category ? (
            <Link href="/" className="button button-secondary">
              Browse all products
            </Link>
          ) : null}
        </div>
      )}

      <Pagination category={category} sort={result.sort} page={result.page} totalPages={result.totalPages} />
    </section>
  );
}
