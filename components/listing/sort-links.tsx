import Link from "next/link";
import { listingHref } from "@/lib/catalog/routes.ts";
import { PRODUCT_SORTS, SORT_LABELS } from "@/lib/catalog/types.ts";
import type { ProductSort } from "@/lib/catalog/types.ts";
import styles from "./sort-links.module.css";

/** Sorting as plain links: works without JavaScript, and every order has its own URL. */
export function SortLinks({ category, current }: { category: string | null; current: ProductSort }) {
  return (
    <nav aria-label="Sort products" className={styles.sort}>
      <span className={styles.label} aria-hidden="true">
        Sort by
      </span>
      <ul className={styles.options} role="list">
        {PRODUCT_SORTS.map((sort) => (
          <li key={sort}>
            <Link
              href={listingHref({ category, sort })}
              className={styles.option}
              aria-current={sort === current ? "true" : undefined}
              scroll={false}
            >
              {SORT_LABELS[sort]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
