import Link from "next/link";
import styles from "@/components/listing/sort-links.module.css";
import { searchHref } from "@/lib/search/search-params.ts";
import { SEARCH_SORT_LABELS, SEARCH_SORTS, type SearchSort } from "@/lib/search/search-sort.ts";

/**
 * The orders of search results as plain links, in the look of the listings' sort links: works
 * without JavaScript, every order has its own URL, the query stays, paging starts again.
 */
export function SearchSortLinks({ query, sort: current }: { query: string; sort: SearchSort }) {
  return (
    <nav aria-label="Sort results" className={styles.sort}>
      <span className={styles.label} aria-hidden="true">
        Sort by
      </span>
      <ul className={styles.options} role="list">
        {SEARCH_SORTS.map((sort) => (
          <li key={sort}>
            <Link href={searchHref(query, 1, sort)} className={styles.option} aria-current={sort === current ? "true" : undefined} scroll={false}>
              {SEARCH_SORT_LABELS[sort]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
