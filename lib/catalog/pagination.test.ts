import { describe, expect, it } from "vitest";
import { pageRange, pageWindow } from "./pagination.ts";

describe("pageWindow", () => {
  it("shows every page when there are few", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(1, 5)).toEqual([1, 2, "gap", 5]);
  });

  it("puts gaps around the current page", () => {
    expect(pageWindow(7, 15)).toEqual([1, "gap", 6, 7, 8, "gap", 15]);
    expect(pageWindow(15, 15)).toEqual([1, "gap", 14, 15]);
  });

  it("never hides a single page behind a gap", () => {
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pageWindow(3, 15)).toEqual([1, 2, 3, 4, "gap", 15]);
  });

  it("clamps the current page", () => {
    expect(pageWindow(99, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(0, 0)).toEqual([1]);
  });
});

describe("pageRange", () => {
  it("gives the positions shown on a page", () => {
    expect(pageRange(1, 12, 170)).toEqual({ from: 1, to: 12 });
    expect(pageRange(2, 12, 170)).toEqual({ from: 13, to: 24 });
    expect(pageRange(15, 12, 170)).toEqual({ from: 169, to: 170 });
    expect(pageRange(1, 12, 0)).toEqual({ from: 0, to: 0 });
  });
});
