import { facetValueLabel, sortFacetValues, type SpecFacet } from "./facets.ts";
import type { ListingState } from "./listing-state.ts";
import type { FacetOption, ListingFacets } from "./types.ts";

/** One row of the facet-count statement (listing-sql.ts `facetCountsSql`). */
export interface FacetCountRow {
  facet: string;
  value: string | null;
  label: string | null;
  n: number;
}

/**
 * Options from counted rows, plus every selected value the counts no longer show (with 0), so a
 * shopper can always take back a filter that left nothing.
 */
function options(rows: readonly FacetCountRow[], selected: readonly string[], label: (value: string, row?: FacetCountRow) => string): FacetOption[] {
  const counted = new Map(rows.flatMap((row) => (row.value === null ? [] : [[row.value, row] as const])));
  const values = [...new Set([...counted.keys(), ...selected])];
  return values.map((value) => ({
    value,
    label: label(value, counted.get(value)),
    count: counted.get(value)?.n ?? 0,
    selected: selected.includes(value),
  }));
}

/** Pure: the listing's facets from its counted rows. */
export function toListingFacets(state: ListingState, specFacets: readonly SpecFacet[], rows: readonly FacetCountRow[]): ListingFacets {
  const of = (facet: string) => rows.filter((row) => row.facet === facet);
  const byName = (a: FacetOption, b: FacetOption) => a.label.localeCompare(b.label, "en");
  const named = (value: string, row?: FacetCountRow) => row?.label ?? value;
  const price = of("price")[0];
  return {
    categories: state.scope.kind === "category" ? null : options(of("category"), state.filters.categories, named).sort(byName),
    brands: state.scope.kind === "brand" ? null : options(of("brand"), state.filters.brands, named).sort(byName),
    specs: specFacets
      .map((facet) => ({
        key: facet.key,
        label: facet.label,
        options: sortFacetValues(options(of(`spec:${facet.key}`), state.filters.specs[facet.key] ?? [], (value) => facetValueLabel(facet, value))),
      }))
      .filter((facet) => facet.options.length > 1 || facet.options.some((option) => option.selected)),
    inStockCount: of("in-stock")[0]?.n ?? 0,
    priceRange: price?.value && price.label ? { min: Number(price.value), max: Number(price.label) } : null,
  };
}
