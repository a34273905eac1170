import { describe, expect, it } from "vitest";
import { MAX_SEARCH_PAGE } from "./pagination.ts";
import { parseSearchRequest, searchHref } from "./search-params.ts";
import { SEARCH_SORTS } from "./search-sort.ts";

describe("parseSearchRequest", () => {
  it("reads the query, the page and the sort", () => {
    expect(parseSearchRequest({ q: " rtx 5080 ", page: "2" })).toEqual({ query: "rtx 5080", page: 2, sort: "relevance" });
    expect(parseSearchRequest({ q: "ssd", sort: "price-asc", page: "3" })).toEqual({ query: "ssd", page: 3, sort: "price-asc" });
    expect(parseSearchRequest({})).toEqual({ query: "", page: 1, sort: "relevance" });
  });

  it("reads a bad page as page 1 and caps a far one", () => {
    for (const page of ["0", "-1", "two", "1.5", "", "1e400"]) expect(parseSearchRequest({ q: "ssd", page }).page).toBe(1);
    expect(parseSearchRequest({ q: "ssd", page: ["3", "4"] }).page).toBe(3);
    expect(parseSearchRequest({ q: "ssd", page: "99999" }).page).toBe(MAX_SEARCH_PAGE);
  });

  it("reads every sort search offers, and anything else as relevance", () => {
    for (const sort of SEARCH_SORTS) expect(parseSearchRequest({ q: "ssd", sort }).sort).toBe(sort);
    for (const sort of ["featured", "biggest-saving", "PRICE-ASC", "price", "", " newest", "__proto__", "toString"]) {
      expect(parseSearchRequest({ q: "ssd", sort }).sort, sort).toBe("relevance");
    }
    expect(parseSearchRequest({ q: "ssd", sort: ["newest", "price-asc"] }).sort).toBe("newest");
    expect(parseSearchRequest({ q: "ssd", sort: [] }).sort).toBe("relevance");
  });
});

describe("searchHref", () => {
  it("keeps the query in the URL, and the page past the first", () => {
    expect(searchHref("rtx 5080")).toBe("/search?q=rtx+5080");
    expect(searchHref("rtx 5080", 1)).toBe("/search?q=rtx+5080");
    expect(searchHref("a&b=c", 3)).toBe("/search?q=a%26b%3Dc&page=3");
  });

  it("writes a sort other than relevance between the query and the page", () => {
    expect(searchHref("ssd", 1, "relevance")).toBe("/search?q=ssd");
    expect(searchHref("ssd", 2, "relevance")).toBe("/search?q=ssd&page=2");
    expect(searchHref("ssd", 1, "price-desc")).toBe("/search?q=ssd&sort=price-desc");
    expect(searchHref("ssd", 4, "best-selling")).toBe("/search?q=ssd&sort=best-selling&page=4");
  });

  it("round-trips through the parser", () => {
    for (const sort of SEARCH_SORTS) {
      const href = searchHref("<b>50% off</b> & more", 2, sort);
      const params = Object.fromEntries(new URL(href, "http://shop.test").searchParams);
      expect(parseSearchRequest(params)).toEqual({ query: "<b>50% off</b> & more", page: 2, sort });
    }
  });
});
