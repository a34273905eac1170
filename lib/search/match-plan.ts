import { nameWords, namePhrase, type SearchTerm } from "./search-words.ts";

/**
 * How a query matches products. First every word as full text (one statement, and the answer
 * for any query spelt right); when that finds nothing, word by word, once the database has said
 * which words it knows (`classifySearchTerms` in queries.ts):
 * - a word some product's document holds (as written, as a prefix, or stemmed) must match the
 *   full-text document: "rtx 50" finds "RTX 5080", "laptops" finds "Laptop";
 * - a word no document holds is taken for a typo and must be trigram-similar to a word of the
 *   product's brand, name or category: "geforse" finds "GeForce";
 * - an English stop word ("for", "the") is left out (in SQL, by the `english` configuration).
 * Known words never match by similarity alone, so "ddr5" does not also list DDR4 kits.
 */

export interface ClassifiedTerm extends SearchTerm {
  stopWord: boolean;
  /** Whether any product's document matches the word. */
  known: boolean;
}

export interface MatchPlan {
  /** Words the full-text document must hold, all of them. */
  fullTextTerms: SearchTerm[];
  /** Whether English stop words may be among them (then the SQL leaves them out). */
  mayHoldStopWords: boolean;
  /** Words to match by trigram similarity. */
  fuzzyWords: string[];
  /** All the query's words in a row in the name (ranks higher). */
  namePhrase: string;
  /** The query as a product's `name_words` (its exact name ranks first). */
  exactName: string;
}

/** Every word of the query `text` as full text. */
export function fullTextPlan(text: string, terms: readonly SearchTerm[]): MatchPlan {
  return {
    fullTextTerms: [...terms],
    mayHoldStopWords: true,
    fuzzyWords: [],
    namePhrase: namePhrase(terms.map((term) => term.word)),
    exactName: nameWords(text),
  };
}

/**
 * Known words as full text, the others by similarity; null when that is the full-text plan
 * again (every word known: it found nothing already) or nothing is left to match.
 */
export function wordByWordPlan(text: string, terms: readonly ClassifiedTerm[]): MatchPlan | null {
  const meaningful = terms.filter((term) => !term.stopWord);
  const fuzzyWords = meaningful.filter((term) => !term.known).map((term) => term.word);
  if (fuzzyWords.length === 0) return null;
  return {
    ...fullTextPlan(text, terms),
    fullTextTerms: meaningful.filter((term) => term.known).map(({ word, operand }) => ({ word, operand })),
    mayHoldStopWords: false,
    fuzzyWords,
  };
}
