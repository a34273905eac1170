import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH } from "./limits.ts";
import { cleanSearchText, parseSearchText } from "./search-query.ts";

describe("cleanSearchText", () => {
  it("trims and collapses white space", () => {
    expect(cleanSearchText("  rtx \t 5080\n ")).toBe("rtx 5080");
  });

  it("turns control and invisible format characters into spaces", () => {
    expect(cleanSearchText("rtx\u00005080")).toBe("rtx 5080");
    expect(cleanSearchText("\u001b[31mred\u001b[0m")).toBe("[31mred [0m");
    expect(cleanSearchText("think\u200bpad\u202e")).toBe("think pad");
  });

  it("folds compatibility forms (full-width letters) into plain ones", () => {
    expect(cleanSearchText("ＲＴＸ　５０８０")).toBe("RTX 5080");
  });

  it("keeps SQL and markup as the text they are", () => {
    expect(cleanSearchText("'; DROP TABLE product; --")).toBe("'; DROP TABLE product; --");
    expect(cleanSearchText("<script>alert(1)</script>")).toBe("<script>alert(1)</script>");
  });

  it("cuts long queries to the limit without splitting a character", () => {
    expect(cleanSearchText("a".repeat(500))).toHaveLength(MAX_QUERY_LENGTH);
    const emoji = `${"a".repeat(MAX_QUERY_LENGTH - 1)}😀`;
    expect(cleanSearchText(emoji)).toBe("a".repeat(MAX_QUERY_LENGTH - 1));
    expect(cleanSearchText(`${"word ".repeat(19)}abcd  xyz`)).toBe(`${"word ".repeat(19)}abcd`);
  });
});

describe("parseSearchText", () => {
  it("reads a query parameter however it arrives", () => {
    expect(parseSearchText(" ssd ")).toBe("ssd");
    expect(parseSearchText(["first", "second"])).toBe("first");
    expect(parseSearchText([])).toBe("");
    expect(parseSearchText(undefined)).toBe("");
  });

  it("reads anything that is not text as no query", () => {
    expect(parseSearchText(42)).toBe("");
    expect(parseSearchText({ q: "ssd" })).toBe("");
    expect(parseSearchText(null)).toBe("");
  });
});
