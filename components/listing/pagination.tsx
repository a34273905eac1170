import Link from "next/link";
import type { ListingState } from "@/lib/catalog/listing-state.ts";
import { pageWindow } from "@/lib/catalog/pagination.ts";
import { listingHref } from "@/lib/catalog/routes.ts";
import styles from "./pagination.module.css";

interface PaginationProps {
  /** The listing, filters and order kept on every page link. */
  state: ListingState;
  page: number;
  totalPages: number;
}

export function Pagination({ state, page, totalPages }: PaginationProps) {
  if (totalPages <= 1) return null;
  const href = (target: number) => listingHref({ ...state, page: target });
  return (
    <nav aria-label="Pagination" className={styles.pagination}>
      {page > 1 ? (
        <Link href={href(page - 1)} className={`${styles.step} ${styles.item}`} rel="prev">
          <span aria-hidden="true">←</span> Previous
        </Link>
      ) : (
        <span className={`${styles.step} ${styles.item} ${styles.disabled}`} aria-disabled="true">
          <span aria-hidden="true">←</span> Previous
        </span>
      )}

      <ol className={styles.pages}>
        {pageWindow(page, totalPages).map((item, index) =>
          item === "gap" ? (
            <li key={`gap-${index}`} className={styles.gap} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={item}>
              <Link
                href={href(item)}
                className={styles.item}
                aria-current={item === page ? "page" : undefined}
                aria-label={`Page ${item}`}
              >
                {item}
              </Link>
            </li>
          ),
        )}
      </ol>

      {page < totalPages ? (
        <Link href={href(page + 1)} className={`${styles.step} ${styles.item}`} rel="next">
          Next <span aria-hidden="true">→</span>
        </Link>
      ) : (
        <span className={`${styles.step} ${styles.item} ${styles.disabled}`} aria-disabled="true">
          Next <span aria-hidden="true">→</span>
        </span>
      )}
    </nav>
  );
}
