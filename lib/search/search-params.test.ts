import { describe, expect, it } from "vitest";
import { MAX_SEARCH_PAGE } from "./pagination.ts";
import { parseSearchRequest, searchHref } from "./search-params.ts";

describe("parseSearchRequest", () => {
  it("reads the query and the page", () => {
    expect(parseSearchRequest({ q: " rtx 5080 ", page: "2" })).toEqual({ query: "rtx 5080", page: 2 });
    expect(parseSearchRequest({})).toEqual({ query: "", page: 1 });
  });

  it("reads a bad page as page 1 and caps a far one", () => {
    for (const page of ["0", "-1", "two", "1.5", "", "1e400"]) expect(parseSearchRequest({ q: "ssd", page }).page).toBe(1);
    expect(parseSearchRequest({ q: "ssd", page: ["3", "4"] }).page).toBe(3);
    expect(parseSearchRequest({ q: "ssd", page: "99999" }).page).toBe(MAX_SEARCH_PAGE);
  });
});

describe("searchHref", () => {
  it("keeps the query in the URL, and the page past the first", () => {
    expect(searchHref("rtx 5080")).toBe("/search?q=rtx+5080");
    expect(searchHref("rtx 5080", 1)).toBe("/search?q=rtx+5080");
    expect(searchHref("a&b=c", 3)).toBe("/search?q=a%26b%3Dc&page=3");
  });

  it("round-trips through the parser", () => {
    const href = searchHref("<b>50% off</b> & more", 2);
    const params = Object.fromEntries(new URL(href, "http://shop.test").searchParams);
    expect(parseSearchRequest(params)).toEqual({ query: "<b>50% off</b> & more", page: 2 });
  });
});
