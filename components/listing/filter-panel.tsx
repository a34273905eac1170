import type { ReactNode } from "react";
import { formatPrice } from "@/lib/format/price.ts";
import { defaultSortFor, listingPath, listingUrl, type ListingState } from "@/lib/catalog/listing-state.ts";
import type { FacetOption, ListingFacets } from "@/lib/catalog/types.ts";
import { FilterForm } from "./filter-form.tsx";
import styles from "./filter-panel.module.css";

/** How many values a facet shows before "Show all". */
const VISIBLE_OPTIONS = 8;

function ProductCount({ count }: { count: number }) {
  return (
    <span className={styles.optionCount} aria-label={`${count} ${count === 1 ? "product" : "products"}`}>
      {count}
    </span>
  );
}

function OptionList({ name, options }: { name: string; options: FacetOption[] }) {
  const item = (option: FacetOption) => (
    <li key={option.value}>
      <label className={styles.option}>
        <input
          type="checkbox"
          name={name}
          value={option.value}
          defaultChecked={option.selected}
          disabled={option.count === 0 && !option.selected}
        />
        <span className={styles.optionLabel}>{option.label}</span>
        <ProductCount count={option.count} />
      </label>
    </li>
  );
  // Selected values stay in view even when they sort past the first few.
  const shown = options.filter((option, index) => index < VISIBLE_OPTIONS || option.selected);
  const rest = options.filter((option) => !shown.includes(option));
  return (
    <>
      <ul className={styles.options} role="list">
        {shown.map(item)}
      </ul>
      {rest.length > 0 ? (
        <details className={styles.more}>
          <summary>Show {rest.length} more</summary>
          <ul className={styles.options} role="list">
            {rest.map(item)}
          </ul>
        </details>
      ) : null}
    </>
  );
}

function PriceField({ name, label, value, placeholder }: { name: string; label: string; value: number | null; placeholder?: string }) {
  return (
    <label>
      <span>{label}</span>
      <input type="number" name={name} inputMode="numeric" min={0} step={1} defaultValue={value ?? ""} placeholder={placeholder} />
    </label>
  );
}

function Facet({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className={styles.facet}>
      <legend className={styles.legend}>{legend}</legend>
      {children}
    </fieldset>
  );
}

/** The listing's filters as one form: counts beside every value, all of it in the URL. */
export function FilterPanel({ state, facets, currency }: { state: ListingState; facets: ListingFacets; currency: string }) {
  const { filters } = state;
  const range = facets.priceRange;
  const dollars = (cents: number, round: "floor" | "ceil") => String(Math[round](cents / 100));
  return (
    // Keyed by the listing's URL: checkboxes are uncontrolled, so a filter taken off elsewhere
    // (a chip, the back button) must give a fresh form rather than keep its old ticks.
    <FilterForm key={listingUrl(state)} action={listingPath(state.scope)}>
      <div className={styles.panel}>
        {facets.categories && facets.categories.length > 1 ? (
          <Facet legend="Category">
            <OptionList name="category" options={facets.categories} />
          </Facet>
        ) : null}
        {facets.brands && facets.brands.length > 1 ? (
          <Facet legend="Brand">
            <OptionList name="brand" options={facets.brands} />
          </Facet>
        ) : null}
        <Facet legend="Price">
          <div className={styles.price}>
            <PriceField name="min" label="Min ($)" value={filters.priceMin} placeholder={range ? dollars(range.min, "floor") : undefined} />
            <PriceField name="max" label="Max ($)" value={filters.priceMax} placeholder={range ? dollars(range.max, "ceil") : undefined} />
          </div>
          {range ? (
            <p className={styles.hint}>
              {formatPrice(range.min, currency)} – {formatPrice(range.max, currency)}
            </p>
          ) : null}
        </Facet>
        <Facet legend="Availability">
          <label className={styles.option}>
            <input type="checkbox" name="in_stock" value="1" defaultChecked={filters.inStock} />
            <span className={styles.optionLabel}>In stock</span>
            <ProductCount count={facets.inStockCount} />
          </label>
        </Facet>
        {facets.specs.map((facet) => (
          <Facet key={facet.key} legend={facet.label}>
            <OptionList name={facet.key} options={facet.options} />
          </Facet>
        ))}
        {state.sort !== defaultSortFor(state.scope) ? <input type="hidden" name="sort" value={state.sort} /> : null}
        <button type="submit" className="button button-secondary">
          Apply filters
        </button>
      </div>
    </FilterForm>
  );
}
