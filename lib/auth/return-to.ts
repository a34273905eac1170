/**
 * Where to send a shopper after signing in: a path on this site only. Anything else (another
 * origin, `//evil.example`, `/\evil.example`, a javascript: URL, an over-long value) falls back
 * to the account page, so the sign-in page cannot be used as an open redirect.
 */
export const DEFAULT_RETURN_TO = "/account";

export function safeReturnTo(raw: unknown): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== "string" || value.length > 512) return DEFAULT_RETURN_TO;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return DEFAULT_RETURN_TO;
  if ([...value].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) return DEFAULT_RETURN_TO;
  const url = new URL(value, "http://shop.invalid");
  if (url.origin !== "http://shop.invalid") return DEFAULT_RETURN_TO;
  return `${url.pathname}${url.search}${url.hash}`;
}
