import { pageRange } from "@/lib/catalog/pagination.ts";
import styles from "./result-count.module.css";

/** "Showing 13–24 of 170 products" above a list of products (listings and search results). */
export function ResultCount({ page, pageSize, totalCount }: { page: number; pageSize: number; totalCount: number }) {
  const { from, to } = pageRange(page, pageSize, totalCount);
  return (
    <p className={styles.count} role="status">
      {totalCount === 0 ? (
        "No products"
      ) : (
        <>
          Showing <strong>{from}</strong>–<strong>{to}</strong> of <strong>{totalCount}</strong> {totalCount === 1 ? "product" : "products"}
        </>
      )}
    </p>
  );
}
