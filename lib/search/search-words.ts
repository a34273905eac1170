/**
 * The words of a query as the search document holds them: lower case, split at anything that
 * is not a letter or a digit ("TP-Link" → "tp", "link"), as `product_search_words()` in the
 * migration splits product names.
 */

export const MAX_WORDS = 8;

const WORD = /^[\p{L}\p{N}]+$/u;
const splitWords = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word !== "");

/** The words to search for: repeats dropped, at most MAX_WORDS. */
export function searchWords(text: string): string[] {
  return [...new Set(splitWords(text))].slice(0, MAX_WORDS);
}

/** Every word of `text`, space-separated: equal to a product's `name_words` when it is its name. */
export function nameWords(text: string): string {
  return splitWords(text).join(" ");
}

/**
 * One word as a tsquery operand. A word holds only letters and digits (checked), so quoting it
 * needs no escaping; `prefix` matches every lexeme that starts with it ("50" → "5080"), and
 * `weight` only lexemes of that weight ("A", the name).
 */
export function tsqueryOperand(word: string, { prefix = false, weight = "" }: { prefix?: boolean; weight?: "A" | "" } = {}): string {
  if (!WORD.test(word)) throw new Error(`not a search word: ${JSON.stringify(word)}`);
  const flags = `${prefix ? "*" : ""}${weight}`;
  return flags === "" ? `'${word}'` : `'${word}':${flags}`;
}

/**
 * The last word may be only partly typed, so it matches as a prefix, unless it is a single
 * character: "ryzen 7" should not mean "ryzen 7*" (a Ryzen 5 7600X).
 */
const isPrefix = (words: readonly string[], index: number) => index === words.length - 1 && [...(words[index] ?? "")].length >= 2;

export interface SearchTerm {
  word: string;
  /** The word as tsquery text, e.g. `'rtx'` or `'50':*`. */
  operand: string;
}

/** The query's words as tsquery operands. */
export function searchTerms(words: readonly string[]): SearchTerm[] {
  return words.map((word, index) => ({ word, operand: tsqueryOperand(word, { prefix: isPrefix(words, index) }) }));
}

/** The words one after another in a product's name: `'rtx':A <-> '50':*A`. */
export function namePhrase(words: readonly string[]): string {
  return words.map((word, index) => tsqueryOperand(word, { prefix: isPrefix(words, index), weight: "A" })).join(" <-> ");
}
