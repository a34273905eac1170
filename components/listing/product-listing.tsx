import Link from "next/link";
import { hasFilters, NO_FILTERS, type ListingState } from "@/lib/catalog/listing-state.ts";
import { allProductsHref, listingHref } from "@/lib/catalog/routes.ts";
import type { ListingFacets, ProductListPage } from "@/lib/catalog/types.ts";
import { ProductGrid } from "@/components/product/product-grid.tsx";
import { ActiveFilters } from "./active-filters.tsx";
import { FilterPanel } from "./filter-panel.tsx";
import { Pagination } from "./pagination.tsx";
import { ResultCount } from "./result-count.tsx";
import { SortLinks } from "./sort-links.tsx";
import type { ListType } from "@/lib/tracking/schema";
import styles from "./product-listing.module.css";

interface ProductListingProps {
  /** What is listed, filtered and sorted how: every link here keeps it. */
  state: ListingState;
  /** What the list holds, for its accessible name: "Graphics cards". */
  label: string;
  result: ProductListPage;
  /** The filter panel's facets; no panel without them. */
  facets?: ListingFacets;
}

/** The list a listing's products are reported in: its scope (a category, a brand, …). */
function listOf(state: ListingState): { type: ListType; id: string } {
  const { scope } = state;
  return scope.kind === "category" || scope.kind === "brand" ? { type: scope.kind, id: scope.slug } : { type: scope.kind, id: scope.kind };
}

/** Filters, toolbar (count and sorting), the product grid and pagination. */
export function ProductListing({ state, label, result, facets }: ProductListingProps) {
  const filtered = hasFilters(state.filters);
  const current: ListingState = { ...state, page: result.page };
  return (
    <div className={facets ? styles.withFilters : undefined}>
      {facets ? (
        <aside className={styles.filters} aria-label="Filters">
          {/* Folded away on narrow screens, where it would push every product below the fold;
              always shown on wide ones (see the module's ::details-content rule). */}
          <details className={styles.filtersToggle}>
            <summary>Filters{filtered ? " (active)" : ""}</summary>
            <FilterPanel state={current} facets={facets} currency={result.products[0]?.currency ?? "USD"} />
          </details>
        </aside>
      ) : null}
      <section className={styles.listing} aria-labelledby="listing-heading">
        <h2 id="listing-heading" className="visually-hidden">
          {label}
        </h2>
        <div className={styles.toolbar}>
          <ResultCount page={result.page} pageSize={result.pageSize} totalCount={result.totalCount} />
          {result.totalCount > 1 ? <SortLinks state={current} /> : null}
        </div>
        {facets ? <ActiveFilters state={current} facets={facets} /> : null}

        {result.products.length > 0 ? (
          <ProductGrid
            products={result.products}
            label={`${label}, page ${result.page} of ${result.totalPages}`}
            list={{ ...listOf(state), firstPosition: (result.page - 1) * result.pageSize + 1 }}
          />
        ) : filtered ? (
          <div className={styles.empty}>
            <p className={styles.emptyTitle}>No products match these filters</p>
            <p>Take a filter off, or start again from everything in {label}.</p>
            <Link href={listingHref({ ...state, filters: NO_FILTERS, page: 1 })} className="button button-secondary" scroll={false}>
              Clear all filters
            </Link>
          </div>
        ) : (
          <div className={styles.empty}>
            <p className={styles.emptyTitle}>Nothing here yet</p>
            <p>We have no products to show in this list right now.</p>
            {state.scope.kind !== "all" ? (
              <Link href={allProductsHref()} className="button button-secondary">
                Browse all products
              </Link>
            ) : null}
          </div>
        )}

        <Pagination page={result.page} totalPages={result.totalPages} hrefFor={(page) => listingHref({ ...state, page })} />
      </section>
    </div>
  );
}
