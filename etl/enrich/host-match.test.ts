import { describe, expect, it } from "vitest";
import { hostMatcher } from "./host-match.ts";

describe("hostMatcher", () => {
  const matches = hostMatcher(["bing.com", "t.co", "google.*"]);

  it.each([
    ["bing.com", true],
    ["cn.bing.com", true],
    ["notbing.com", false],
    ["bing.com.evil.example", false],
    ["t.co", true],
    ["t.com", false],
    ["google.de", true],
    ["www.google.co.uk", true],
    ["google.com.br", true],
    ["xn--ggle-0nda.com", false],
    ["google.xn--p1ai", true],
    ["google", false],
    ["google.evil.example", false],
    ["google.co.evil", false],
    ["google.com.evil.example", false],
    ["", false],
  ])("%s: %s", (host, expected) => {
    expect(matches(host)).toBe(expected);
  });

  it("refuses a rule it cannot honour rather than never matching it", () => {
    for (const rule of ["search.yahoo.*", "*.google.com", "Bing.com", "bing", "https://bing.com"]) {
      expect(() => hostMatcher([rule]), rule).toThrow(/host rule/);
    }
  });
});
