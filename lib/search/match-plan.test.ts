import { describe, expect, it } from "vitest";
import { fullTextPlan, wordByWordPlan, type ClassifiedTerm } from "./match-plan.ts";
import { searchTerms } from "./search-words.ts";

const classify = (words: string[], known: (word: string) => boolean, stopWords: string[] = []): ClassifiedTerm[] =>
  searchTerms(words).map((term) => ({ ...term, known: known(term.word), stopWord: stopWords.includes(term.word) }));

describe("fullTextPlan", () => {
  it("matches every word as full text, and knows the query's name and phrase", () => {
    expect(fullTextPlan("RTX 50", searchTerms(["rtx", "50"]))).toEqual({
      fullTextTerms: [
        { word: "rtx", operand: "'rtx'" },
        { word: "50", operand: "'50':*" },
      ],
      mayHoldStopWords: true,
      fuzzyWords: [],
      namePhrase: "'rtx':A <-> '50':*A",
      exactName: "rtx 50",
    });
  });

  it("compares the whole query with names, past the words it searches for", () => {
    const name = "Corsair Dominator Titanium RGB DDR5-6600 32GB (2x16GB) CL32";
    expect(fullTextPlan(name, searchTerms(["corsair"])).exactName).toBe("corsair dominator titanium rgb ddr5 6600 32gb 2x16gb cl32");
  });
});

describe("wordByWordPlan", () => {
  it("matches words no product holds by similarity, the others as full text", () => {
    const plan = wordByWordPlan("geforse RTX", classify(["geforse", "rtx"], (word) => word === "rtx"));
    expect(plan).toMatchObject({ fullTextTerms: [{ word: "rtx", operand: "'rtx':*" }], mayHoldStopWords: false, fuzzyWords: ["geforse"] });
    expect(wordByWordPlan("thinkpd", classify(["thinkpd"], () => false))).toMatchObject({ fullTextTerms: [], fuzzyWords: ["thinkpd"] });
  });

  it("leaves stop words out of matching, but not out of the name", () => {
    const plan = wordByWordPlan("laptop for gamng", classify(["laptop", "for", "gamng"], (word) => word !== "gamng", ["for"]));
    expect(plan).toMatchObject({
      fullTextTerms: [{ word: "laptop", operand: "'laptop'" }],
      fuzzyWords: ["gamng"],
      namePhrase: "'laptop':A <-> 'for':A <-> 'gamng':*A",
    });
    expect(wordByWordPlan("the", classify(["the"], () => false, ["the"]))).toBeNull();
  });

  it("has no new plan when every word is known: the full-text plan said it all", () => {
    expect(wordByWordPlan("samsung rtx", classify(["samsung", "rtx"], () => true))).toBeNull();
  });
});
