import { beforeAll, describe, expect, it, vi } from "vitest";
import { idTokenCookie, lastAuthUserCookie } from "../lib/auth/amplify-cookies.ts";
import { idTokensOf, verifiedUserId } from "./request-user.ts";
import { localIdTokens, TEST_CLIENT_ID, type LocalIdTokens } from "./testing/local-id-tokens.ts";

let pool: LocalIdTokens;
beforeAll(async () => {
  pool = await localIdTokens();
});

/** The cookies Amplify's CookieStorage writes for a signed-in user (values percent-encoded, as js-cookie does). */
function amplifyCookies(username: string, token: string, clientId = TEST_CLIENT_ID): string {
  return [
    "cart_id=abc",
    `${lastAuthUserCookie(clientId)}=${encodeURIComponent(username)}`,
    `${idTokenCookie(clientId, username)}=${token}`,
    `${idTokenCookie(clientId, username).replace(/idToken$/, "accessToken")}=not-this-one`,
  ].join("; ");
}

describe("idTokensOf", () => {
  it("offers the bearer token first, then the last signed-in user's cookie, then other ID token cookies", () => {
    const cookie = `${amplifyCookies("ada@example.com", "cookie-token")}; ${idTokenCookie(TEST_CLIENT_ID, "bob")}=older-token; ${idTokenCookie("other-client", "eve")}=foreign`;
    expect(idTokensOf({ authorization: "Bearer header-token", cookie }, TEST_CLIENT_ID)).toEqual(["header-token", "cookie-token", "older-token"]);
    expect(idTokensOf({ authorization: "Basic dXNlcjpwYXNz" }, TEST_CLIENT_ID)).toEqual([]);
    expect(idTokensOf({}, TEST_CLIENT_ID)).toEqual([]);
  });

  it("finds the cookie of a username that is URL-encoded in the cookie's name", () => {
    const cookie = amplifyCookies("ada+shop@example.com", "the-token");
    expect(cookie).toContain(".ada+shop%40example.com.idToken=");
    expect(idTokensOf({ cookie }, TEST_CLIENT_ID)).toEqual(["the-token"]);
  });
});

describe("verifiedUserId", () => {
  it("takes the user from a valid ID token in the Authorization header", async () => {
    const token = await pool.idToken("sub-header");
    expect(await verifiedUserId({ authorization: `Bearer ${token}` }, pool.check)).toBe("sub-header");
  });

  it("takes the user from a valid ID token in Amplify's cookie", async () => {
    const token = await pool.idToken("sub-cookie");
    expect(await verifiedUserId({ cookie: amplifyCookies("ada@example.com", token) }, pool.check)).toBe("sub-cookie");
  });

  it("gives null for an expired, forged or garbled token, or none", async () => {
    const expired = await pool.idToken("sub-expired", { expiresIn: "-2 minutes" });
    const forged = await pool.forgedIdToken("sub-forged");
    const accessToken = await pool.idToken("sub-access", { claims: { token_use: "access" } });
    for (const token of [expired, forged, accessToken, "not.a.jwt"]) {
      expect(await verifiedUserId({ authorization: `Bearer ${token}` }, pool.check)).toBeNull();
    }
    expect(await verifiedUserId({}, pool.check)).toBeNull();
  });

  it("falls back to the cookie when the header's token is stale", async () => {
    const stale = await pool.idToken("sub-stale", { expiresIn: "-2 minutes" });
    const fresh = await pool.idToken("sub-fresh");
    expect(await verifiedUserId({ authorization: `Bearer ${stale}`, cookie: amplifyCookies("ada", fresh) }, pool.check)).toBe("sub-fresh");
  });

  it("gives null without a configured pool, even for a valid token", async () => {
    expect(await verifiedUserId({ authorization: `Bearer ${await pool.idToken("sub-1")}` }, null)).toBeNull();
  });

  it("gives null when the check itself fails, and logs no token", async () => {
    const log = vi.fn();
    const token = await pool.idToken("sub-1");
    const failing = { clientId: TEST_CLIENT_ID, verify: () => Promise.reject(new Error("JWKS unreachable")) };
    expect(await verifiedUserId({ authorization: `Bearer ${token}` }, failing, log)).toBeNull();
    expect(log).toHaveBeenCalledWith("id token check failed", { error: "JWKS unreachable" });
    expect(JSON.stringify(log.mock.calls)).not.toContain(token);
  });
});
