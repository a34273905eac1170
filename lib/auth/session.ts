import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { idTokenCookie, lastAuthUserCookie } from "./amplify-cookies.ts";
import { parseAuthConfig, type AuthConfig } from "./auth-config.ts";
import { signInHref } from "./routes.ts";
import { findOrCreateShopper, type Shopper } from "./users.ts";
import { createIdTokenVerifier, remoteKeys, type VerifiedIdentity } from "./verify-id-token.ts";

/** Sign-in settings from the environment, read per request (one build runs anywhere). */
export const authConfig = cache((): AuthConfig | null => parseAuthConfig(process.env));

/**
 * The identity in this request's Amplify cookies, verified here (signature, issuer, audience,
 * expiry, token use); null when there is none or it does not verify. The browser's word for who
 * it is counts for nothing until then.
 */
export const currentIdentity = cache(async (): Promise<VerifiedIdentity | null> => {
  // Cookies first: it makes every page that asks render per request. Asking the configuration
  // first would let the build (which has none) prerender "nobody is signed in" into the page.
  const jar = await cookies();
  const config = authConfig();
  if (!config) return null;
  const username = jar.get(lastAuthUserCookie(config.clientId))?.value;
  if (!username) return null;
  const token = jar.get(idTokenCookie(config.clientId, username))?.value;
  if (!token) return null;
  const verify = createIdTokenVerifier({ issuer: config.issuer, clientId: config.clientId, keys: remoteKeys(config.jwksUri) });
  const result = await verify(token);
  return result.ok ? result.identity : null;
});

/** The signed-in shopper, or null. */
export const currentShopper = cache(async (): Promise<Shopper | null> => {
  const identity = await currentIdentity();
  return identity ? findOrCreateShopper(identity) : null;
});

/** The signed-in shopper; anyone else is sent to sign in and brought back to `returnTo`. */
export async function requireShopper(returnTo: string): Promise<Shopper> {
  const shopper = await currentShopper();
  if (!shopper) redirect(signInHref(returnTo));
  return shopper;
}
