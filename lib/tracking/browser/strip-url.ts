/** An e-mail address, also percent-encoded in a path. Global: use with match/replace only. */
export const EMAIL = /[\w.+-]+(@|%40)[\w-]+\.[\w.-]+/g;

/**
 * The URL without what must never reach analytics: credential parameters (token,
 * access_token, code, password, api_key, session…), parameters whose value is an e-mail
 * address, e-mail addresses in the path, and a fragment carrying values (OAuth puts tokens
 * there). Null when `raw` is not an absolute URL (an empty referrer).
 */
export function stripUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    const query = url.searchParams;
    for (const [name, value] of [...query]) if (/token|secret|passw|pwd|auth|session|jwt|key$|^(code|sig|sid|otp)$/i.test(name) || value.match(EMAIL)) query.delete(name);
    url.pathname = url.pathname.replace(EMAIL, "redacted");
    if (/[=@]|%40/.test(url.hash)) url.hash = "";
    return url.href;
  } catch {
    return null;
  }
}
