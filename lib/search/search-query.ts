import { z } from "zod";
import { MAX_QUERY_LENGTH } from "./limits.ts";

/**
 * What a shopper typed, made safe to search for and to show: any characters are accepted (a
 * query is never an error), and the text is tidied into at most MAX_QUERY_LENGTH characters.
 */

/**
 * Control characters (NUL, newlines, escapes) and invisible format characters (zero-width
 * spaces, bidi overrides): the latter would make a query look right and find nothing.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}]+/gu;

/** Cuts `text` to `max` UTF-16 units without splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Compatibility forms folded ("ＲＴＸ" → "RTX"), invisibles gone, spaces collapsed, trimmed, cut. */
export function cleanSearchText(raw: string): string {
  const text = raw.normalize("NFKC").replace(INVISIBLE, " ").replace(/\s+/gu, " ").trim();
  return truncate(text, MAX_QUERY_LENGTH).trimEnd();
}

/** A query parameter as Next.js passes it (a string, a repeated parameter's list, or absent). */
export const searchTextSchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (Array.isArray(value) ? (value[0] ?? "") : (value ?? "")))
  .transform(cleanSearchText)
  .pipe(z.string().max(MAX_QUERY_LENGTH));

/** `?q=` as typed by a person or a robot: anything that is not text reads as no query. */
export function parseSearchText(raw: unknown): string {
  const parsed = searchTextSchema.safeParse(raw);
  return parsed.success ? parsed.data : "";
}
