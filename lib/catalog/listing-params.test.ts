import { describe, expect, it } from "vitest";
import { MAX_PAGE, parseListingParams } from "./listing-params.ts";

describe("parseListingParams", () => {
  it("defaults to featured, page 1", () => {
    expect(parseListingParams({})).toEqual({ sort: "featured", page: 1 });
  });

  it("reads valid values", () => {
    expect(parseListingParams({ sort: "price-desc", page: "3" })).toEqual({ sort: "price-desc", page: 3 });
  });

  it("falls back on invalid values instead of failing", () => {
    expect(parseListingParams({ sort: "cheapest", page: "two" })).toEqual({ sort: "featured", page: 1 });
    expect(parseListingParams({ page: "0" }).page).toBe(1);
    expect(parseListingParams({ page: "-4" }).page).toBe(1);
    expect(parseListingParams({ page: "2.5" }).page).toBe(1);
    expect(parseListingParams({ page: "" }).page).toBe(1);
    expect(parseListingParams({ page: String(MAX_PAGE + 1) }).page).toBe(1);
  });

  it("takes the first of repeated parameters", () => {
    expect(parseListingParams({ sort: ["price-asc", "price-desc"], page: ["2", "5"] })).toEqual({
      sort: "price-asc",
      page: 2,
    });
  });
});
