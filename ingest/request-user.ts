import { idTokenCookie, lastAuthUserCookie } from "../lib/auth/amplify-cookies.ts";
import type { VerifyResult } from "../lib/auth/verify-id-token.ts";

/** Checks Cognito ID tokens of one app client (lib/auth/verify-id-token.ts, or a test's own keys). */
export interface IdTokenCheck {
  readonly clientId: string;
  readonly verify: (token: string) => Promise<VerifyResult>;
}

/** Larger than any Cognito ID token; a longer "token" is not worth verifying. */
const MAX_TOKEN_LENGTH = 16 * 1024;

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function parseCookies(header: string): Map<string, string> {
  const jar = new Map<string, string>();
  for (const pair of header.split(";")) {
    const at = pair.indexOf("=");
    if (at <= 0) continue;
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim().replace(/^"(.*)"$/, "$1");
    if (!jar.has(name)) jar.set(name, decode(value));
  }
  return jar;
}

/**
 * The ID tokens a request offers, best first: `Authorization: Bearer <token>`, then the Amplify
 * cookie of the app client's last signed-in user (its name carries the username as js-cookie
 * encodes it), then any other ID token cookie of that app client.
 */
export function idTokensOf(request: { authorization?: string | null; cookie?: string | null }, clientId: string): string[] {
  const tokens: string[] = [];
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.authorization ?? "")?.[1];
  if (bearer) tokens.push(bearer);
  if (request.cookie) {
    const jar = parseCookies(request.cookie);
    const username = jar.get(lastAuthUserCookie(clientId));
    const current = username ? jar.get(idTokenCookie(clientId, username)) : undefined;
    if (current) tokens.push(current);
    const prefix = lastAuthUserCookie(clientId).slice(0, -"LastAuthUser".length);
    for (const [name, value] of jar) {
      if (name.startsWith(prefix) && name.endsWith(".idToken") && value) tokens.push(value);
    }
  }
  return [...new Set(tokens)].filter((token) => token.length <= MAX_TOKEN_LENGTH);
}

/**
 * The shopper's Cognito `sub` from a verified ID token, or null: without a checker, a token or
 * a valid one. A stale or bad token never costs the shopper their events; they are kept without
 * a user. Tokens are never logged.
 */
export async function verifiedUserId(
  request: { authorization?: string | null; cookie?: string | null },
  check: IdTokenCheck | null | undefined,
  log?: (message: string, fields: Record<string, unknown>) => void,
): Promise<string | null> {
  if (!check) return null;
  for (const token of idTokensOf(request, check.clientId).slice(0, 2)) {
    try {
      const result = await check.verify(token);
      if (result.ok) return result.identity.sub;
    } catch (error) {
      // The pool's keys could not be fetched, say: the events are kept without a user.
      log?.("id token check failed", { error: error instanceof Error ? error.message : String(error) });
    }
  }
  return null;
}
