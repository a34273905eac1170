import { ProductGrid } from "@/components/product/product-grid.tsx";
import type { SearchResultPage } from "@/lib/search/types.ts";
import { Pagination } from "@/components/listing/pagination.tsx";
import { ResultCount } from "@/components/listing/result-count.tsx";
import { searchHref } from "@/lib/search/search-params.ts";
import { SearchSortLinks } from "./search-sort-links.tsx";
import styles from "./search.module.css";

const quoted = (words: readonly string[]) => words.map((word) => `“${word}”`).join(", ");

/** The products found, their count, their order, and pages (which keep the order). */
export function SearchResults({ result }: { result: SearchResultPage }) {
  return (
    <section className={styles.results} aria-labelledby="search-results-heading">
      <h2 id="search-results-heading" className="visually-hidden">
        Products found
      </h2>
      <div className={styles.toolbar}>
        <ResultCount page={result.page} pageSize={result.pageSize} totalCount={result.totalCount} />
        {result.totalCount > 1 ? <SearchSortLinks query={result.query} sort={result.sort} /> : null}
      </div>
      {result.fuzzyWords.length > 0 ? (
        <p className={styles.note}>
          No product has the {result.fuzzyWords.length === 1 ? "word" : "words"} {quoted(result.fuzzyWords)}, so these are the
          closest matches.
        </p>
      ) : null}
      <ProductGrid
        products={result.products}
        label={`Results for “${result.query}”, page ${result.page} of ${result.totalPages}`}
        list={{ type: "search", id: result.query.slice(0, 100), firstPosition: (result.page - 1) * result.pageSize + 1 }}
      />
      <Pagination page={result.page} totalPages={result.totalPages} hrefFor={(page) => searchHref(result.query, page, result.sort)} />
    </section>
  );
}
