import Link from "next/link";
import type { Route } from "next";
import { pageWindow } from "@/lib/catalog/pagination.ts";
import styles from "./pagination.module.css";

interface PaginationProps {
  page: number;
  totalPages: number;
  /** The URL of a page, keeping whatever else the list's URL holds (filters, order, query). */
  hrefFor: (page: number) => Route;
}

export function Pagination({ page, totalPages, hrefFor: href }: PaginationProps) {
  if (totalPages <= 1) return null;
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
