import { describe, expect, it } from "vitest";
import { nextActiveIndex } from "./combobox-keys.ts";

describe("nextActiveIndex", () => {
  it("moves down from the text into the list and wraps at the end", () => {
    expect(nextActiveIndex("ArrowDown", -1, 3)).toBe(0);
    expect(nextActiveIndex("ArrowDown", 0, 3)).toBe(1);
    expect(nextActiveIndex("ArrowDown", 2, 3)).toBe(0);
  });

  it("moves up and wraps to the last suggestion", () => {
    expect(nextActiveIndex("ArrowUp", -1, 3)).toBe(2);
    expect(nextActiveIndex("ArrowUp", 2, 3)).toBe(1);
    expect(nextActiveIndex("ArrowUp", 0, 3)).toBe(2);
  });

  it("has nothing active without suggestions, or when they shrank below it", () => {
    expect(nextActiveIndex("ArrowDown", 0, 0)).toBe(-1);
    expect(nextActiveIndex("Enter", 5, 3)).toBe(-1);
    expect(nextActiveIndex("Enter", 1, 3)).toBe(1);
  });
});
