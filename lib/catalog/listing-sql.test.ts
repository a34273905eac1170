import { describe, expect, it } from "vitest";
import { listingCountSql, listingIdsSql, listingWhere } from "./listing-sql.ts";
import { parseListingState } from "./listing-state.ts";

/** A statement's SQL with its whitespace folded, for reading in assertions. */
const text = (sql: { sql: string }) => sql.sql.replace(/\s+/g, " ").trim();

describe("listing SQL", () => {
  it("keeps the deals listing to discounted products, with its filters as bind parameters", () => {
    const state = parseListingState({ kind: "deals" }, { brand: "asus", max: "500" });
    const where = listingWhere(state);
    expect(text(where)).toContain("p.compare_at_price_cents IS NOT NULL");
    expect(where.values).toEqual([["asus"], 50000]);
    expect(text(listingCountSql(state))).toContain("p.compare_at_price_cents IS NOT NULL");
    expect(text(listingWhere(parseListingState({ kind: "all" }, {})))).not.toContain("compare_at_price_cents");
  });

  it("orders the deals by the share saved, biggest first, then by id", () => {
    const sql = text(listingIdsSql(parseListingState({ kind: "deals" }, {}), 12, 12));
    expect(sql).toMatch(/ORDER BY \(p\.compare_at_price_cents - p\.price_cents\)::numeric \/ p\.compare_at_price_cents DESC NULLS LAST, p\.id ASC LIMIT \? OFFSET \?$/);
  });

  it("orders best sellers by units sold, ties by id", () => {
    const sql = text(listingIdsSql(parseListingState({ kind: "all" }, { sort: "best-selling" }), 0, 12));
    expect(sql).toMatch(/ORDER BY p\.units_sold DESC, p\.id ASC LIMIT/);
  });

  it("puts the merchandiser's featured products first within each category's turn", () => {
    const sql = text(listingIdsSql(parseListingState({ kind: "all" }, {}), 0, 12));
    expect(sql).toContain("PARTITION BY p.category_id ORDER BY (p.stock > 0) DESC, p.featured DESC, p.name, p.id");
  });
});
