import { describe, expect, it } from "vitest";
import { boundedMemo } from "./bounded-memo.ts";

function counted<V extends string | null>(compute: (key: string) => V) {
  const calls: string[] = [];
  return { calls, fn: (key: string) => (calls.push(key), compute(key)) };
}

describe("boundedMemo", () => {
  it("computes each key once while it fits", () => {
    const { calls, fn } = counted((key) => key.toUpperCase());
    const memo = boundedMemo(fn, 10);
    expect([memo("a"), memo("b"), memo("a"), memo("b")]).toEqual(["A", "B", "A", "B"]);
    expect(calls).toEqual(["a", "b"]);
  });

  it("remembers null results too", () => {
    const { calls, fn } = counted(() => null);
    const memo = boundedMemo(fn, 10);
    memo("x");
    memo("x");
    expect(calls).toEqual(["x"]);
  });

  it("starts over when full, and still answers right", () => {
    const { calls, fn } = counted((key) => `${key}!`);
    const memo = boundedMemo(fn, 2);
    memo("a");
    memo("b");
    memo("c"); // full: cleared, then c stored
    expect(memo("c")).toBe("c!");
    expect(memo("a")).toBe("a!");
    expect(calls).toEqual(["a", "b", "c", "a"]);
  });
});
