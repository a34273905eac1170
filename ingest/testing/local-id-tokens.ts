import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from "jose";
import { createIdTokenVerifier } from "../../lib/auth/verify-id-token.ts";
import type { IdTokenCheck } from "../request-user.ts";

export const TEST_ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_IngestTest";
export const TEST_CLIENT_ID = "ingest-test-client";

export interface LocalIdTokens {
  /** Verifies tokens of the local pool, as the ingest's real checker does, without any network. */
  readonly check: IdTokenCheck;
  /** An ID token of the local pool for `sub`; `expiresIn` "-2 minutes" makes an expired one. */
  idToken(sub: string, options?: { expiresIn?: string; claims?: JWTPayload }): Promise<string>;
  /** A well-formed token signed by a key the pool never published. */
  forgedIdToken(sub: string): Promise<string>;
}

/** A user pool of one generated RS256 key, for unit tests. */
export async function localIdTokens(): Promise<LocalIdTokens> {
  const pool = await generateKeyPair("RS256");
  const stranger = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(pool.publicKey)), kid: "pool-key", alg: "RS256", use: "sig" };
  const verify = createIdTokenVerifier({ issuer: TEST_ISSUER, clientId: TEST_CLIENT_ID, keys: createLocalJWKSet({ keys: [jwk] }) });
  const sign = (sub: string, key: CryptoKey, options: { expiresIn?: string; claims?: JWTPayload } = {}) =>
    new SignJWT({ email: `${sub}@example.com`, token_use: "id", ...options.claims })
      .setProtectedHeader({ alg: "RS256", kid: "pool-key" })
      .setSubject(sub)
      .setIssuer(TEST_ISSUER)
      .setAudience(TEST_CLIENT_ID)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? "1h")
      .sign(key);
  return {
    check: { clientId: TEST_CLIENT_ID, verify },
    idToken: (sub, options) => sign(sub, pool.privateKey, options),
    forgedIdToken: (sub) => sign(sub, stranger.privateKey),
  };
}
