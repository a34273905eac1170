import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from "jose";
import { z } from "zod";

/** The identity the shop takes from a verified Cognito ID token, and nothing from the browser. */
export interface VerifiedIdentity {
  readonly sub: string;
  readonly email: string;
}

export type VerifyResult = { ok: true; identity: VerifiedIdentity } | { ok: false; reason: string };

const idClaimsSchema = z.object({
  sub: z.string().min(1).max(128),
  email: z.email(),
  token_use: z.literal("id", { error: "is not an ID token" }),
});

/**
 * Verifies a Cognito ID token: RS256 signature against the pool's JWKS, issuer, audience (the
 * app client id), expiry (60 s of clock skew), and `token_use: "id"`. An access token is refused
 * (it carries no `aud` and no e-mail), as is a token of another pool or app client.
 */
export function createIdTokenVerifier(options: { issuer: string; clientId: string; keys: JWTVerifyGetKey }) {
  return async function verifyIdToken(token: string): Promise<VerifyResult> {
    try {
      const { payload } = await jwtVerify(token, options.keys, {
        issuer: options.issuer,
        audience: options.clientId,
        algorithms: ["RS256"],
        clockTolerance: 60,
        requiredClaims: ["exp", "iat", "sub"],
      });
      const claims = idClaimsSchema.safeParse(payload);
      if (!claims.success) return { ok: false, reason: `claims: ${claims.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}` };
      return { ok: true, identity: { sub: claims.data.sub, email: claims.data.email.toLowerCase() } };
    } catch (error) {
      if (error instanceof errors.JOSEError) return { ok: false, reason: `${error.code}: ${error.message}` };
      throw error;
    }
  };
}

const remoteKeySets = new Map<string, JWTVerifyGetKey>();

/** The pool's signing keys, fetched once per process and refreshed by jose when a new key id appears. */
export function remoteKeys(jwksUri: string): JWTVerifyGetKey {
  let keys = remoteKeySets.get(jwksUri);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: 5_000, cooldownDuration: 30_000 });
    remoteKeySets.set(jwksUri, keys);
  }
  return keys;
}
