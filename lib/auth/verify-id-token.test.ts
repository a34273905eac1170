import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { createIdTokenVerifier } from "./verify-id-token.ts";

const ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Test";
const CLIENT = "client-abc";

let sign: (claims: JWTPayload, options?: { key?: CryptoKey; kid?: string; expiresIn?: string }) => Promise<string>;
let otherKey: CryptoKey;
let verify: ReturnType<typeof createIdTokenVerifier>;

beforeAll(async () => {
  const pool = await generateKeyPair("RS256");
  otherKey = (await generateKeyPair("RS256")).privateKey;
  const jwk = { ...(await exportJWK(pool.publicKey)), kid: "pool-key", alg: "RS256", use: "sig" };
  verify = createIdTokenVerifier({ issuer: ISSUER, clientId: CLIENT, keys: createLocalJWKSet({ keys: [jwk] }) });
  sign = (claims, options = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: options.kid ?? "pool-key" })
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? "1h")
      .sign(options.key ?? pool.privateKey);
});

const idClaims = { sub: "sub-1", email: "Ada@Example.com", token_use: "id", aud: CLIENT, iss: ISSUER };

describe("verifyIdToken", () => {
  it("accepts the pool's ID token for our app client, and takes the identity from it", async () => {
    expect(await verify(await sign(idClaims))).toEqual({ ok: true, identity: { sub: "sub-1", email: "ada@example.com" } });
  });

  it.each([
    ["another issuer", { ...idClaims, iss: "http://localhost:9229/local_x" }, /iss/],
    ["another app client", { ...idClaims, aud: "someone-else" }, /aud/],
    ["an access token", { sub: "sub-1", token_use: "access", client_id: CLIENT, iss: ISSUER, aud: CLIENT, email: "a@b.co" }, /not an ID token/],
    ["a token without an e-mail", { ...idClaims, email: undefined }, /email/],
  ])("refuses %s", async (_name, claims, reason) => {
    const result = await verify(await sign(claims));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it("refuses an expired token, a forged signature, a tampered payload and garbage", async () => {
    const expired = await verify(await sign(idClaims, { expiresIn: "-2 minutes" }));
    expect(expired).toMatchObject({ ok: false, reason: expect.stringMatching(/ERR_JWT_EXPIRED/) });

    const forged = await verify(await sign(idClaims, { key: otherKey }));
    expect(forged).toMatchObject({ ok: false, reason: expect.stringMatching(/signature/) });

    const [header, , signature] = (await sign(idClaims)).split(".");
    const payload = Buffer.from(JSON.stringify({ ...idClaims, sub: "admin", exp: 9_999_999_999 })).toString("base64url");
    expect((await verify(`${header}.${payload}.${signature}`)).ok).toBe(false);

    expect((await verify("not.a.jwt")).ok).toBe(false);
    expect((await verify("")).ok).toBe(false);
  });

  it("refuses an unsigned token", async () => {
    const none = `${Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url")}.${Buffer.from(JSON.stringify({ ...idClaims, exp: 9_999_999_999 })).toString("base64url")}.`;
    expect((await verify(none)).ok).toBe(false);
  });
});
