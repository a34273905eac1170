import { describe, expect, it } from "vitest";
import { clampPage, pageOffset, totalPagesFor } from "./pagination.ts";

describe("search pagination", () => {
  it("counts pages, at least one", () => {
    expect(totalPagesFor(0, 24)).toBe(1);
    expect(totalPagesFor(24, 24)).toBe(1);
    expect(totalPagesFor(25, 24)).toBe(2);
    expect(totalPagesFor(-3, 24)).toBe(1);
  });

  it("clamps a page to the ones that exist", () => {
    expect(clampPage(3, 5)).toBe(3);
    expect(clampPage(9, 5)).toBe(5);
    expect(clampPage(0, 5)).toBe(1);
    expect(clampPage(2.7, 5)).toBe(2);
    expect(clampPage(Number.NaN, 5)).toBe(1);
    expect(clampPage(4, 0)).toBe(1);
  });

  it("skips the results of the pages before", () => {
    expect(pageOffset(1, 24)).toBe(0);
    expect(pageOffset(3, 24)).toBe(48);
    expect(pageOffset(0, 24)).toBe(0);
  });
});
