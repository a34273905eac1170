import { z } from "zod";
import { specFacetsFor } from "./facets.ts";
import { DEAL_SORTS, DEFAULT_DEAL_SORT, DEFAULT_SORT, PRODUCT_SORTS } from "./types.ts";
import type { ProductSort } from "./types.ts";

/**
 * What a product listing shows, as its URL says: the scope (every product, one category, one
 * brand, or the discounted ones), the filters, the order and the page. Parsed leniently (a bad
 * value is dropped, never an error page: these URLs are typed and shared by people) and written
 * back canonically (defaults left out, values sorted), so one listing has one URL.
 */

/** Next.js passes each query parameter as a string, a list of strings (repeated) or undefined. */
export type SearchParams = Record<string, string | string[] | undefined>;

export type ListingScope =
  | { kind: "all" }
  | { kind: "category"; slug: string }
  | { kind: "brand"; slug: string }
  /** Every discounted product (with a compare-at price): the deals page. */
  | { kind: "deals" };

export interface ListingFilters {
  /** Category slugs (not on a category's own page). */
  categories: string[];
  /** Brand slugs (not on a brand's own page). */
  brands: string[];
  /** Whole currency units (dollars), inclusive. */
  priceMin: number | null;
  priceMax: number | null;
  inStock: boolean;
  /** Spec facet key → accepted values (on category pages, the category's facets only). */
  specs: Record<string, string[]>;
}

export interface ListingState {
  scope: ListingScope;
  filters: ListingFilters;
  sort: ProductSort;
  page: number;
}

/** Far beyond any real catalog; keeps `skip` small for hand-written URLs. */
export const MAX_PAGE = 1000;
const MAX_PRICE = 1_000_000;
const MAX_VALUES = 30;

export const NO_FILTERS: ListingFilters = { categories: [], brands: [], priceMin: null, priceMax: null, inStock: false, specs: {} };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const firstValue = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);
const allValues = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The orders a listing offers: a deals listing can also put the biggest saving first. */
export function sortsFor(scope: ListingScope): readonly ProductSort[] {
  return scope.kind === "deals" ? DEAL_SORTS : PRODUCT_SORTS;
}

/** The order a listing has when its URL names none (and which its canonical URL leaves out). */
export function defaultSortFor(scope: ListingScope): ProductSort {
  return scope.kind === "deals" ? DEFAULT_DEAL_SORT : DEFAULT_SORT;
}

const sortSchemas = {
  deals: z.preprocess(firstValue, z.enum(DEAL_SORTS)).catch(DEFAULT_DEAL_SORT),
  other: z.preprocess(firstValue, z.enum(PRODUCT_SORTS)).catch(DEFAULT_SORT),
};
const pageSchema = z.preprocess(firstValue, z.coerce.number().int().min(1).max(MAX_PAGE)).catch(1);
const priceSchema = z
  .preprocess(firstValue, z.string().trim().regex(/^\d{1,7}$/).transform(Number).pipe(z.number().max(MAX_PRICE)))
  .nullable()
  .catch(null);
const specValueSchema = z.string().trim().min(1).max(100);

/** Distinct values that pass `valid`, sorted, at most MAX_VALUES. */
function cleanList(raw: string | string[] | undefined, valid: (value: string) => boolean): string[] {
  return [...new Set(allValues(raw).map((value) => value.trim()).filter(valid))].sort().slice(0, MAX_VALUES);
}

export function parseListingState(scope: ListingScope, params: SearchParams): ListingState {
  const isSlug = (value: string) => value.length <= 200 && SLUG.test(value);
  let priceMin = priceSchema.parse(params.min ?? null);
  let priceMax = priceSchema.parse(params.max ?? null);
  if (priceMin !== null && priceMax !== null && priceMin > priceMax) [priceMin, priceMax] = [priceMax, priceMin];
  const specs: Record<string, string[]> = {};
  if (scope.kind === "category") {
    for (const facet of specFacetsFor(scope.slug)) {
      const values = cleanList(params[facet.key], (value) => specValueSchema.safeParse(value).success);
      if (values.length > 0) specs[facet.key] = values;
    }
  }
  return {
    scope,
    filters: {
      categories: scope.kind === "category" ? [] : cleanList(params.category, isSlug),
      brands: scope.kind === "brand" ? [] : cleanList(params.brand, isSlug),
      priceMin,
      priceMax,
      inStock: firstValue(params.in_stock) === "1",
      specs,
    },
    sort: sortSchemas[scope.kind === "deals" ? "deals" : "other"].parse(params.sort),
    page: pageSchema.parse(params.page),
  };
}

export function listingPath(scope: ListingScope): string {
  if (scope.kind === "category") return `/c/${encodeURIComponent(scope.slug)}`;
  if (scope.kind === "brand") return `/brands/${encodeURIComponent(scope.slug)}`;
  if (scope.kind === "deals") return "/deals";
  return "/products";
}

/** The listing's query string, canonical: filters in a fixed order, then sort and page. */
function listingQuery(state: ListingState): URLSearchParams {
  const { filters } = state;
  const query = new URLSearchParams();
  for (const slug of filters.categories) query.append("category", slug);
  for (const slug of filters.brands) query.append("brand", slug);
  if (filters.priceMin !== null) query.set("min", String(filters.priceMin));
  if (filters.priceMax !== null) query.set("max", String(filters.priceMax));
  if (filters.inStock) query.set("in_stock", "1");
  const facetOrder = state.scope.kind === "category" ? specFacetsFor(state.scope.slug).map((facet) => facet.key) : [];
  for (const key of facetOrder) for (const value of filters.specs[key] ?? []) query.append(key, value);
  if (state.sort !== defaultSortFor(state.scope)) query.set("sort", state.sort);
  if (state.page > 1) query.set("page", String(state.page));
  return query;
}

export function listingUrl(state: ListingState): string {
  const search = listingQuery(state).toString();
  return search ? `${listingPath(state.scope)}?${search}` : listingPath(state.scope);
}

export function hasFilters(filters: ListingFilters): boolean {
  return (
    filters.categories.length > 0 ||
    filters.brands.length > 0 ||
    filters.priceMin !== null ||
    filters.priceMax !== null ||
    filters.inStock ||
    Object.values(filters.specs).some((values) => values.length > 0)
  );
}

/** One removable part of the filters, as the active-filter chips show them. */
export type FilterPart =
  | { kind: "category" | "brand"; value: string }
  | { kind: "spec"; key: string; value: string }
  | { kind: "price" }
  | { kind: "in-stock" };

/** The state without one filter part, back on page 1 (the old page may no longer exist). */
export function withoutFilter(state: ListingState, part: FilterPart): ListingState {
  const filters: ListingFilters = { ...state.filters, specs: { ...state.filters.specs } };
  if (part.kind === "category") filters.categories = filters.categories.filter((slug) => slug !== part.value);
  if (part.kind === "brand") filters.brands = filters.brands.filter((slug) => slug !== part.value);
  if (part.kind === "price") [filters.priceMin, filters.priceMax] = [null, null];
  if (part.kind === "in-stock") filters.inStock = false;
  if (part.kind === "spec") {
    const rest = (filters.specs[part.key] ?? []).filter((value) => value !== part.value);
    if (rest.length > 0) filters.specs[part.key] = rest;
    else delete filters.specs[part.key];
  }
  return { ...state, filters, page: 1 };
}
