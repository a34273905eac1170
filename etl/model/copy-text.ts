/**
 * PostgreSQL's COPY text format, for streaming rows into staging tables (pg-copy-streams moves
 * the bytes; this encodes the values). PostgreSQL can store no NUL character in text or jsonb,
 * so one in an event (a browser can send anything that is valid JSON) becomes U+FFFD rather than
 * failing the whole load.
 */
export type CopyValue = string | number | boolean | null | undefined | readonly string[] | { readonly json: unknown };

const NUL = /\u0000/g;
const SPECIAL = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function text(value: string): string {
  return value.replace(NUL, "\uFFFD").replace(SPECIAL, (char) => ESCAPES[char] ?? char);
}

function withoutNul(_key: string, value: unknown): unknown {
  return typeof value === "string" ? value.replace(NUL, "\uFFFD") : value;
}

/** An array literal whose elements are all quoted, so commas, braces and quotes stay data. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/["\\]/g, (char) => `\\${char}`)}"`).join(",")}}`;
}

export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return text(value);
  if (Array.isArray(value)) return text(arrayLiteral(value as readonly string[]));
  const { json } = value as { json: unknown };
  return json === null || json === undefined ? "\\N" : text(JSON.stringify(json, withoutNul));
}

export function copyLine(values: readonly CopyValue[]): string {
  return values.map(copyField).join("\t") + "\n";
}
