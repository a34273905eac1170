import Link from "next/link";
import { facetValueLabel, specFacetsFor } from "@/lib/catalog/facets.ts";
import { hasFilters, NO_FILTERS, withoutFilter, type FilterPart, type ListingState } from "@/lib/catalog/listing-state.ts";
import { listingHref } from "@/lib/catalog/routes.ts";
import type { ListingFacets } from "@/lib/catalog/types.ts";
import styles from "./active-filters.module.css";

interface Chip {
  key: string;
  label: string;
  part: FilterPart;
}

function chipsOf(state: ListingState, facets: ListingFacets): Chip[] {
  const { filters } = state;
  const nameOf = (options: ListingFacets["brands"], value: string) => options?.find((option) => option.value === value)?.label ?? value;
  const chips: Chip[] = [
    ...filters.categories.map((value) => ({ key: `c:${value}`, label: nameOf(facets.categories, value), part: { kind: "category", value } as const })),
    ...filters.brands.map((value) => ({ key: `b:${value}`, label: nameOf(facets.brands, value), part: { kind: "brand", value } as const })),
  ];
  if (filters.priceMin !== null || filters.priceMax !== null) {
    const label =
      filters.priceMin !== null && filters.priceMax !== null
        ? `$${filters.priceMin}–$${filters.priceMax}`
        : filters.priceMin !== null
          ? `From $${filters.priceMin}`
          : `Up to $${filters.priceMax}`;
    chips.push({ key: "price", label, part: { kind: "price" } });
  }
  if (filters.inStock) chips.push({ key: "in-stock", label: "In stock", part: { kind: "in-stock" } });
  const specFacets = state.scope.kind === "category" ? specFacetsFor(state.scope.slug) : [];
  for (const facet of specFacets) {
    for (const value of filters.specs[facet.key] ?? []) {
      chips.push({ key: `s:${facet.key}:${value}`, label: `${facet.label}: ${facetValueLabel(facet, value)}`, part: { kind: "spec", key: facet.key, value } });
    }
  }
  return chips;
}

/** The filters in force, each a link that takes it off, and one that takes them all off. */
export function ActiveFilters({ state, facets }: { state: ListingState; facets: ListingFacets }) {
  if (!hasFilters(state.filters)) return null;
  return (
    <nav aria-label="Active filters" className={styles.active}>
      <ul className={styles.chips} role="list">
        {chipsOf(state, facets).map((chip) => (
          <li key={chip.key}>
            <Link href={listingHref(withoutFilter(state, chip.part))} className={styles.chip} scroll={false}>
              <span>{chip.label}</span>
              <span aria-hidden="true">×</span>
              <span className="visually-hidden">(remove filter)</span>
            </Link>
          </li>
        ))}
      </ul>
      <Link href={listingHref({ ...state, filters: NO_FILTERS, page: 1 })} className={styles.clear} scroll={false}>
        Clear all filters
      </Link>
    </nav>
  );
}
