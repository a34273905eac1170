import Link from "next/link";
import { sortsFor, type ListingState } from "@/lib/catalog/listing-state.ts";
import { listingHref } from "@/lib/catalog/routes.ts";
import { SORT_LABELS } from "@/lib/catalog/types.ts";
import styles from "./sort-links.module.css";

/** Sorting as plain links: works without JavaScript, every order has its own URL, filters stay. */
export function SortLinks({ state }: { state: ListingState }) {
  return (
    <nav aria-label="Sort products" className={styles.sort}>
      <span className={styles.label} aria-hidden="true">
        Sort by
      </span>
      <ul className={styles.options} role="list">
        {sortsFor(state.scope).map((sort) => (
          <li key={sort}>
            <Link
              href={listingHref({ ...state, sort, page: 1 })}
              className={styles.option}
              aria-current={sort === state.sort ? "true" : undefined}
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
