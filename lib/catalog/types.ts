/**
 * Plain, serialisable view types of the catalog. Pages and components use these, never Prisma's
 * objects, so they can be passed to Client Components and tested without a database.
 * (No runtime imports here: Client Components import this file.)
 */

/**
 * One spec value: text, a number or a flag; null where it does not apply (a tower PC's
 * `display_in`), or a short list (`ports: ["HDMI 2.1", "DP 1.4"]`), as the catalog seed writes.
 * Validated by `specsSchema` (specs-schema.ts).
 */
export type SpecValue = string | number | boolean | null | Array<string | number>;
export type Specs = Record<string, SpecValue>;

export interface CategoryRef {
  slug: string;
  name: string;
}

export interface BrandRef {
  slug: string;
  name: string;
}

export interface BrandView extends BrandRef {
  description: string;
}

export interface BrandWithCount extends BrandView {
  productCount: number;
}

export interface CategoryView extends CategoryRef {
  description: string;
}

export interface CategoryWithCount extends CategoryView {
  productCount: number;
}

export interface ProductSummary {
  id: number;
  slug: string;
  sku: string;
  name: string;
  brand: BrandRef;
  /** Price in the currency's minor unit (cents for USD). */
  priceCents: number;
  /** The price before a discount (always above `priceCents`), shown struck through; null when not discounted. */
  compareAtPriceCents: number | null;
  /** ISO 4217 code, upper case. */
  currency: string;
  stock: number;
  category: CategoryRef;
}

export interface ProductDetail extends ProductSummary {
  description: string;
  specs: Specs;
  /** ISO 8601 timestamp. */
  updatedAt: string;
}

/** The orders every listing offers. */
export const PRODUCT_SORTS = ["featured", "best-selling", "newest", "price-asc", "price-desc"] as const;
/** The orders a listing of discounted products offers (the deals page): biggest saving first. */
export const DEAL_SORTS = ["biggest-saving", ...PRODUCT_SORTS] as const;
export type ProductSort = (typeof DEAL_SORTS)[number];
export const DEFAULT_SORT = "featured" satisfies (typeof PRODUCT_SORTS)[number];
export const DEFAULT_DEAL_SORT = "biggest-saving" satisfies ProductSort;

export const SORT_LABELS: Readonly<Record<ProductSort, string>> = {
  "biggest-saving": "Biggest saving",
  featured: "Featured",
  "best-selling": "Best selling",
  newest: "Newest",
  "price-asc": "Price: low to high",
  "price-desc": "Price: high to low",
};

/** One value of a facet, with how many products it would show given the other filters. */
export interface FacetOption {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface SpecFacetOptions {
  key: string;
  label: string;
  options: FacetOption[];
}

/** The filters a listing offers, counted against the rest of its current filters. */
export interface ListingFacets {
  /** Absent on a category's own page. */
  categories: FacetOption[] | null;
  /** Absent on a brand's own page. */
  brands: FacetOption[] | null;
  specs: SpecFacetOptions[];
  inStockCount: number;
  /** Lowest and highest price in cents among what the other filters let through. */
  priceRange: { min: number; max: number } | null;
}

export interface ProductListPage {
  products: ProductSummary[];
  page: number;
  pageSize: number;
  totalCount: number;
  totalPages: number;
  sort: ProductSort;
}
