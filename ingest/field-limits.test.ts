import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MAX_CLICK_TEXT_LENGTH, MAX_TITLE_LENGTH, MAX_URL_LENGTH } from "../lib/tracking/schema.ts";
import { pageView, visitorEvent } from "../lib/tracking/testing/event-factory.ts";
import { applyFieldLimits, cutText, cutUrl } from "./field-limits.ts";

const isUrl = (value: string) => z.url().safeParse(value).success;

describe("cutText", () => {
  it("leaves a string within the limit as it is", () => {
    expect(cutText("abc", 3)).toBe("abc");
  });

  it("cuts at a code point, never inside a surrogate pair", () => {
    expect(cutText("ab😀cd", 3)).toBe("ab");
    expect(cutText("ab😀cd", 4)).toBe("ab😀");
    expect(cutText("😀".repeat(10), 5)).toBe("😀😀");
  });
});

describe("cutUrl", () => {
  it("keeps a URL a valid URL, as a prefix of the original", () => {
    const url = `https://shop.example/search?q=${"x".repeat(3000)}`;
    const cut = cutUrl(url, MAX_URL_LENGTH);
    expect(cut).toHaveLength(MAX_URL_LENGTH);
    expect(url.startsWith(cut)).toBe(true);
    expect(isUrl(cut)).toBe(true);
  });

  it("drops a percent escape the cut would leave half", () => {
    const url = `https://shop.example/${"a".repeat(20)}%C3%A9`;
    expect(cutUrl(url, 21 + 21)).toBe(`https://shop.example/${"a".repeat(20)}`);
    expect(cutUrl(url, 21 + 22)).toBe(`https://shop.example/${"a".repeat(20)}`);
    expect(cutUrl(url, 21 + 23)).toBe(`https://shop.example/${"a".repeat(20)}%C3`);
  });

  it("steps back to a delimiter when the cut falls where the URL would not parse", () => {
    const url = `https://ada:${"p".repeat(100)}@shop.example/`;
    const cut = cutUrl(url, 40);
    expect(isUrl(cut)).toBe(true);
    expect(cut).toBe("https://ada");
  });

  it("cuts a value that was no URL as text", () => {
    const junk = `not a url ${"😀".repeat(10)}`;
    expect(cutUrl(junk, 13)).toBe("not a url 😀");
  });
});

describe("applyFieldLimits", () => {
  it("cuts the page's URL, referrer and title to their limits and flags each", () => {
    const long = `http://127.0.0.1:3000/products?${"q=1&".repeat(1000)}`;
    const sent = pageView({ page: { url: long, path: "/products", referrer: long, title: "T".repeat(MAX_TITLE_LENGTH + 5) } });
    const { event, flags } = applyFieldLimits(sent);
    expect(flags).toEqual(["page_url_truncated", "page_referrer_truncated", "page_title_truncated"]);
    expect(event).toEqual({
      ...sent,
      page: { url: long.slice(0, MAX_URL_LENGTH), path: "/products", referrer: long.slice(0, MAX_URL_LENGTH), title: "T".repeat(MAX_TITLE_LENGTH) },
    });
  });

  it("cuts a click's href and text, and only a click's", () => {
    const click = visitorEvent("click", { tag: "a", href: `/deals?${"x".repeat(3000)}`, text: "é".repeat(500) });
    const { event, flags } = applyFieldLimits(click);
    expect(flags).toEqual(["click_href_truncated", "click_text_truncated"]);
    expect(event).toMatchObject({ properties: { tag: "a", href: `/deals?${"x".repeat(MAX_URL_LENGTH - 7)}`, text: "é".repeat(MAX_CLICK_TEXT_LENGTH) } });

    const search = visitorEvent("search", { query: "q", filters: {}, sort: null, page: 1, result_count: 0 });
    const notClick = { ...search, properties: { ...search.properties, text: "x".repeat(500) } };
    expect(applyFieldLimits(notClick)).toEqual({ event: notClick, flags: [] });
  });

  it("never changes the event it was given", () => {
    const sent = pageView({ page: { url: `http://127.0.0.1:3000/${"a".repeat(3000)}`, path: "/", referrer: null, title: "t" } });
    const copy = structuredClone(sent);
    const { event } = applyFieldLimits(sent);
    expect(sent).toEqual(copy);
    expect(event).not.toBe(sent);
  });

  it("leaves an event within its limits, values of other types and non-objects alone", () => {
    const sent = pageView();
    expect(applyFieldLimits(sent).event).toBe(sent);
    const odd = { ...sent, page: { url: 42, path: "/", referrer: ["x".repeat(5000)], title: null } };
    expect(applyFieldLimits(odd)).toEqual({ event: odd, flags: [] });
    for (const junk of [null, 7, "x".repeat(5000), [pageView()]]) expect(applyFieldLimits(junk)).toEqual({ event: junk, flags: [] });
  });
});
