/**
 * The spec facets a shopper can filter each category by, in the order shown. A facet's values are
 * the values of one key of `product.specs` (a list spec such as a mouse's `connectivity` matches
 * each of its items); `null` specs are the value "none". No runtime imports: Client Components
 * may import this file.
 */

export interface SpecFacet {
  /** The key in `product.specs`, and the facet's URL parameter: `/c/laptops?ram_gb=16`. */
  key: string;
  label: string;
  /** Shown after a numeric value: "16 GB". */
  unit?: string;
  /** How a `true`/`false`/`none` value reads, where the raw word would not. */
  words?: Partial<Record<"true" | "false" | "none", string>>;
}

const YES_NO = { true: "Yes", false: "No" } as const;

export const SPEC_FACETS: Readonly<Record<string, readonly SpecFacet[]>> = {
  laptops: [
    { key: "ram_gb", label: "Memory", unit: "GB" },
    { key: "cpu", label: "Processor" },
    { key: "gpu", label: "Graphics" },
    { key: "display_in", label: "Screen size", unit: "in" },
    { key: "refresh_hz", label: "Refresh rate", unit: "Hz" },
    { key: "storage_gb", label: "Storage", unit: "GB" },
    { key: "os", label: "Operating system" },
  ],
  desktops: [
    { key: "form_factor", label: "Form factor" },
    { key: "cpu", label: "Processor" },
    { key: "gpu", label: "Graphics" },
    { key: "ram_gb", label: "Memory", unit: "GB" },
    { key: "storage_gb", label: "Storage", unit: "GB" },
    { key: "os", label: "Operating system" },
  ],
  cpus: [
    { key: "socket", label: "Socket" },
    { key: "cores", label: "Cores" },
    { key: "integrated_graphics", label: "Integrated graphics", words: { none: "None" } },
    { key: "cooler_included", label: "Cooler included", words: YES_NO },
  ],
  gpus: [
    { key: "chipset", label: "Chipset" },
    { key: "vram_gb", label: "Video memory", unit: "GB" },
    { key: "memory_type", label: "Memory type" },
  ],
  memory: [
    { key: "type", label: "Type" },
    { key: "form_factor", label: "Form factor" },
    { key: "capacity_gb", label: "Capacity", unit: "GB" },
    { key: "speed_mts", label: "Speed", unit: "MT/s" },
  ],
  storage: [
    { key: "kind", label: "Kind" },
    { key: "capacity_gb", label: "Capacity", unit: "GB" },
    { key: "interface", label: "Interface" },
    { key: "form_factor", label: "Form factor" },
  ],
  monitors: [
    { key: "size_in", label: "Screen size", unit: "in" },
    { key: "resolution", label: "Resolution" },
    { key: "panel", label: "Panel" },
    { key: "refresh_hz", label: "Refresh rate", unit: "Hz" },
  ],
  peripherals: [
    { key: "kind", label: "Kind" },
    { key: "connectivity", label: "Connectivity" },
    { key: "layout", label: "Keyboard layout" },
  ],
  networking: [
    { key: "kind", label: "Kind" },
    { key: "wifi_standard", label: "Wi-Fi", words: { none: "None (wired)" } },
    { key: "poe", label: "Power over Ethernet", words: YES_NO },
  ],
};

export function specFacetsFor(category: string): readonly SpecFacet[] {
  return SPEC_FACETS[category] ?? [];
}

/** How a facet value reads: "16 GB", "Yes", "GDDR7". */
export function facetValueLabel(facet: SpecFacet, value: string): string {
  const word = facet.words?.[value as "true" | "false" | "none"];
  if (word !== undefined) return word;
  if (value === "none") return "None";
  if (facet.unit && /^-?\d+(\.\d+)?$/.test(value)) return `${value} ${facet.unit}`;
  return value;
}

/** Facet values in reading order: numbers ascending when every value is a number, else A–Z. */
export function sortFacetValues<T extends { value: string }>(values: readonly T[]): T[] {
  const numeric = values.every(({ value }) => /^-?\d+(\.\d+)?$/.test(value));
  return [...values].sort((a, b) =>
    numeric ? Number(a.value) - Number(b.value) : a.value.localeCompare(b.value, "en", { numeric: true }),
  );
}
