import { describe, expect, it } from "vitest";
import { uuid } from "./uuid.ts";

const V4 = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/;
const V7 = /^[\da-f]{8}-[\da-f]{4}-7[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/;

describe("uuid", () => {
  it("makes valid random version 4 ids", () => {
    const ids = Array.from({ length: 200 }, () => uuid());
    for (const id of ids) expect(id).toMatch(V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("makes version 7 ids that carry the time and sort by it", () => {
    const at = Date.parse("2026-11-25T10:00:00.123Z");
    const id = uuid(at);
    expect(id).toMatch(V7);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(at);
    const later = [uuid(at + 1), uuid(at + 1_000), uuid(at + 86_400_000)];
    expect([...later, id].sort()).toEqual([id, ...later]);
  });

  it("uses every variant digit", () => {
    const variants = new Set(Array.from({ length: 400 }, () => uuid(Date.now())[19]));
    expect([...variants].sort()).toEqual(["8", "9", "a", "b"]);
  });
});
