import { describe, expect, it } from "vitest";
import { amplifyCookieNames, hasAmplifySession, idTokenCookie, lastAuthUserCookie } from "./amplify-cookies.ts";

describe("Amplify's cookie names", () => {
  it("match what Amplify's CookieStorage writes", () => {
    expect(lastAuthUserCookie("client1")).toBe("CognitoIdentityServiceProvider.client1.LastAuthUser");
    expect(idTokenCookie("client1", "user-9")).toBe("CognitoIdentityServiceProvider.client1.user-9.idToken");
    // An e-mail username, as Amplify (js-cookie) encodes it in the name.
    expect(idTokenCookie("client1", "ada+shop@example.com")).toBe("CognitoIdentityServiceProvider.client1.ada+shop%40example.com.idToken");
  });

  it("tell a signed-in browser from one without a session", () => {
    expect(hasAmplifySession("cart_count=2; CognitoIdentityServiceProvider.client1.LastAuthUser=user-9")).toBe(true);
    expect(hasAmplifySession("cart_count=2; CognitoIdentityServiceProvider.client1.LastAuthUser=")).toBe(false);
    expect(hasAmplifySession("cart_count=2")).toBe(false);
  });

  it("pick one app client's cookies out of a jar", () => {
    const names = ["cart_id", "CognitoIdentityServiceProvider.client1.LastAuthUser", "CognitoIdentityServiceProvider.client1.u.idToken", "CognitoIdentityServiceProvider.other.LastAuthUser"];
    expect(amplifyCookieNames(names, "client1")).toEqual(names.slice(1, 3));
  });
});
