import { describe, expect, it } from "vitest";
import { copyField, copyLine } from "./copy-text.ts";

describe("COPY text encoding", () => {
  it("writes NULL, booleans and numbers as PostgreSQL reads them", () => {
    expect([null, undefined, true, false, 42, -1.5].map((value) => copyField(value))).toEqual(["\\N", "\\N", "t", "f", "42", "-1.5"]);
  });

  it("escapes what would end a field or a row, and the escape character itself", () => {
    expect(copyField("a\tb\nc\rd\\e")).toBe("a\\tb\\nc\\rd\\\\e");
  });

  it("turns NUL, which PostgreSQL cannot store, into U+FFFD in text and inside JSON", () => {
    expect(copyField("x\u0000y")).toBe("x\uFFFDy");
    expect(copyField({ json: { title: "a\u0000b" } })).toBe('{"title":"a\uFFFDb"}');
    // Text that only spells an escape is data: JSON doubles its backslash, COPY doubles both.
    expect(copyField({ json: { keep: "\\u0000" } })).toBe('{"keep":"\\\\\\\\u0000"}');
  });

  it("writes JSON null as NULL and escapes JSON text like any other", () => {
    expect(copyField({ json: null })).toBe("\\N");
    expect(copyField({ json: { q: "tab\there" } })).toBe('{"q":"tab\\\\there"}');
  });

  it("quotes every array element, so commas, braces and quotes stay data", () => {
    expect(copyField(["a,b", '{"}', "back\\slash"])).toBe('{"a,b","{\\\\"}","back\\\\\\\\slash"}');
  });

  it("joins a row with tabs and ends it with a newline", () => {
    expect(copyLine(["a", null, 1])).toBe("a\t\\N\t1\n");
  });
});
