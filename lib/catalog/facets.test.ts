import { describe, expect, it } from "vitest";
import { buildCatalog } from "@/prisma/seed/catalog.ts";
import { facetValueLabel, SPEC_FACETS, sortFacetValues, specFacetsFor } from "./facets.ts";

describe("spec facets", () => {
  it("name only keys every product of their category has in the seed catalog", () => {
    const catalog = buildCatalog();
    for (const [category, facets] of Object.entries(SPEC_FACETS)) {
      const products = catalog.products.filter((p) => p.categorySlug === category);
      expect(products.length, category).toBeGreaterThan(0);
      for (const facet of facets) {
        // Peripherals mix kinds: a keyboard has a layout, a mouse does not ("none").
        const having = products.filter((p) => facet.key in p.specs).length;
        expect(having, `${category}.${facet.key}`).toBeGreaterThan(products.length / 4);
      }
    }
    expect(specFacetsFor("no-such-category")).toEqual([]);
  });

  it("labels values with their unit or word", () => {
    const [ram] = specFacetsFor("laptops");
    expect(ram && facetValueLabel(ram, "16")).toBe("16 GB");
    const cooler = specFacetsFor("cpus").find((f) => f.key === "cooler_included");
    expect(cooler && facetValueLabel(cooler, "true")).toBe("Yes");
    const wifi = specFacetsFor("networking").find((f) => f.key === "wifi_standard");
    expect(wifi && facetValueLabel(wifi, "none")).toBe("None (wired)");
    expect(wifi && facetValueLabel(wifi, "Wi-Fi 7")).toBe("Wi-Fi 7");
  });

  it("sorts numbers as numbers and words A-Z", () => {
    expect(sortFacetValues([{ value: "32" }, { value: "8" }, { value: "16" }]).map((v) => v.value)).toEqual(["8", "16", "32"]);
    expect(sortFacetValues([{ value: "IPS" }, { value: "8K" }, { value: "OLED" }]).map((v) => v.value)).toEqual(["8K", "IPS", "OLED"]);
  });
});
