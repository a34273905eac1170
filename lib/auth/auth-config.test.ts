import { describe, expect, it } from "vitest";
import { parseAuthConfig, publicAuthConfig } from "./auth-config.ts";

const local = {
  COGNITO_USER_POOL_ID: "local_5xJq3T1r",
  COGNITO_CLIENT_ID: "abc123def456",
  COGNITO_LOCAL: "1",
  COGNITO_ENDPOINT: "http://127.0.0.1:9229",
  COGNITO_ISSUER: "http://localhost:9229/local_5xJq3T1r",
  COGNITO_JWKS_URI: "http://127.0.0.1:9229/local_5xJq3T1r/.well-known/jwks.json",
};

describe("parseAuthConfig", () => {
  it("derives issuer and JWKS from an AWS pool id", () => {
    expect(parseAuthConfig({ COGNITO_USER_POOL_ID: "eu-west-1_AbC123", COGNITO_CLIENT_ID: "client1" })).toEqual({
      userPoolId: "eu-west-1_AbC123",
      clientId: "client1",
      issuer: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123",
      jwksUri: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123/.well-known/jwks.json",
      localEndpoint: null,
    });
  });

  it("is off when neither id is set, and refuses half a configuration", () => {
    expect(parseAuthConfig({})).toBeNull();
    expect(parseAuthConfig({ COGNITO_USER_POOL_ID: "", COGNITO_CLIENT_ID: " " })).toBeNull();
    expect(() => parseAuthConfig({ COGNITO_CLIENT_ID: "client1" })).toThrow(/both/);
  });

  it("accepts the emulator only when asked, only on loopback, and never in a deployed function", () => {
    expect(parseAuthConfig(local)).toMatchObject({ issuer: local.COGNITO_ISSUER, localEndpoint: "http://127.0.0.1:9229" });
    expect(() => parseAuthConfig({ ...local, COGNITO_LOCAL: undefined })).toThrow(/not an AWS user pool id/);
    expect(() => parseAuthConfig({ ...local, COGNITO_ISSUER: "http://evil.example/local_5xJq3T1r" })).toThrow(/loopback/);
    expect(() => parseAuthConfig({ ...local, AWS_LAMBDA_FUNCTION_NAME: "shop-server" })).toThrow(/refused in a deployed function/);
    expect(() => parseAuthConfig({ ...local, COGNITO_JWKS_URI: undefined })).toThrow(/needs/);
  });

  it("never lets production point its issuer or keys anywhere else", () => {
    const prod = { COGNITO_USER_POOL_ID: "us-east-1_AbC123", COGNITO_CLIENT_ID: "client1" };
    expect(() => parseAuthConfig({ ...prod, COGNITO_ISSUER: "http://localhost:9229/us-east-1_AbC123" })).toThrow(/only accepted with COGNITO_LOCAL/);
    expect(() => parseAuthConfig({ ...prod, COGNITO_JWKS_URI: "https://attacker.example/jwks.json" })).toThrow(/only accepted/);
    expect(parseAuthConfig({ ...prod, COGNITO_ISSUER: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123" })?.issuer).toBe(
      "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123",
    );
  });

  it("gives the browser ids and the emulator endpoint only", () => {
    const config = parseAuthConfig(local);
    if (!config) throw new Error("expected a config");
    expect(publicAuthConfig(config)).toEqual({ userPoolId: local.COGNITO_USER_POOL_ID, clientId: local.COGNITO_CLIENT_ID, localEndpoint: "http://127.0.0.1:9229" });
  });
});
