import { describe, expect, it } from "vitest";
import { MAX_WORDS, namePhrase, nameWords, searchTerms, searchWords, tsqueryOperand } from "./search-words.ts";

describe("searchWords", () => {
  it("splits at anything but letters and digits, in lower case", () => {
    expect(searchWords("ASUS TUF Gaming GeForce RTX 5080")).toEqual(["asus", "tuf", "gaming", "geforce", "rtx", "5080"]);
    expect(searchWords("TP-Link G.Skill DDR5-6000 (2x16GB)")).toEqual(["tp", "link", "g", "skill", "ddr5", "6000", "2x16gb"]);
  });

  it("keeps letters of any script and drops the rest", () => {
    expect(searchWords("Écran «4K» ノートパソコン 😀")).toEqual(["écran", "4k", "ノートパソコン"]);
  });

  it("leaves nothing of SQL and markup but their words", () => {
    expect(searchWords("'; DROP TABLE product; --")).toEqual(["drop", "table", "product"]);
    expect(searchWords("<script>alert(1)</script>")).toEqual(["script", "alert", "1"]);
    expect(searchWords("a:* & !b | (c)")).toEqual(["a", "b", "c"]);
  });

  it("drops repeats and keeps at most MAX_WORDS", () => {
    expect(searchWords("ssd SSD ssd")).toEqual(["ssd"]);
    expect(searchWords("a b c d e f g h i j k")).toHaveLength(MAX_WORDS);
    expect(searchWords("  !!  ")).toEqual([]);
  });
});

describe("nameWords", () => {
  it("keeps every word, repeats and all, as product_search.name_words does", () => {
    expect(nameWords("Apple Mac mini (M4) 16GB 256GB")).toBe("apple mac mini m4 16gb 256gb");
    expect(nameWords("a a b c d e f g h i")).toBe("a a b c d e f g h i");
  });
});

describe("tsqueryOperand", () => {
  it("quotes a word, as a prefix or of weight A when asked", () => {
    expect(tsqueryOperand("rtx")).toBe("'rtx'");
    expect(tsqueryOperand("50", { prefix: true })).toBe("'50':*");
    expect(tsqueryOperand("50", { prefix: true, weight: "A" })).toBe("'50':*A");
    expect(tsqueryOperand("rtx", { weight: "A" })).toBe("'rtx':A");
  });

  it("refuses anything but a word, so nothing can escape the quotes", () => {
    for (const bad of ["", "it's", "a b", "x:*", "a\\", "a&b"]) expect(() => tsqueryOperand(bad)).toThrow();
  });
});

describe("namePhrase", () => {
  it("puts the words in a row in the name, the last as a prefix", () => {
    expect(namePhrase(["rtx", "50"])).toBe("'rtx':A <-> '50':*A");
    expect(namePhrase(["ryzen", "7"])).toBe("'ryzen':A <-> '7':A");
  });
});

describe("searchTerms", () => {
  it("matches the last word as a prefix, the others whole", () => {
    expect(searchTerms(["rtx", "50"])).toEqual([
      { word: "rtx", operand: "'rtx'" },
      { word: "50", operand: "'50':*" },
    ]);
  });

  it("does not widen a one-character last word to a prefix", () => {
    expect(searchTerms(["ryzen", "7"]).map((term) => term.operand)).toEqual(["'ryzen'", "'7'"]);
    expect(searchTerms([])).toEqual([]);
  });
});
