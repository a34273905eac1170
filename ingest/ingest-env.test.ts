import { describe, expect, it } from "vitest";
import { BUNDLED_GEO_DIR, IngestConfigError, parseIngestEnv } from "./ingest-env.ts";

const base = { RAW_BUCKET: "compushop-raw" };
const AWS_ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123";

describe("parseIngestEnv", () => {
  it("runs without sign-in when no Cognito variable is set", () => {
    expect(parseIngestEnv({ ...base, COGNITO_ISSUER: "", COGNITO_CLIENT_ID: " " })).toMatchObject({ bucket: "compushop-raw", cognito: null });
  });

  it("takes the pool's issuer and app client, with the JWKS beside the issuer by default", () => {
    expect(parseIngestEnv({ ...base, COGNITO_ISSUER: `${AWS_ISSUER}/`, COGNITO_CLIENT_ID: "client1" }).cognito).toEqual({
      issuer: AWS_ISSUER,
      clientId: "client1",
      jwksUrl: `${AWS_ISSUER}/.well-known/jwks.json`,
    });
    const local = { ...base, COGNITO_ISSUER: "http://127.0.0.1:9229/local_x", COGNITO_CLIENT_ID: "c", COGNITO_JWKS_URL: "http://127.0.0.1:9229/local_x/.well-known/jwks.json" };
    expect(parseIngestEnv(local).cognito?.jwksUrl).toBe(local.COGNITO_JWKS_URL);
  });

  it("refuses half a configuration", () => {
    expect(() => parseIngestEnv({ ...base, COGNITO_ISSUER: AWS_ISSUER })).toThrow(IngestConfigError);
    expect(() => parseIngestEnv({ ...base, COGNITO_CLIENT_ID: "client1" })).toThrow(/both COGNITO_ISSUER and COGNITO_CLIENT_ID/);
    expect(() => parseIngestEnv({ ...base, COGNITO_ISSUER: "ftp://pool", COGNITO_CLIENT_ID: "client1" })).toThrow(/COGNITO_ISSUER/);
  });

  it("in a deployed function, believes only a Cognito user pool and its own keys", () => {
    const lambda = { ...base, AWS_LAMBDA_FUNCTION_NAME: "ingest", COGNITO_CLIENT_ID: "client1" };
    expect(parseIngestEnv({ ...lambda, COGNITO_ISSUER: AWS_ISSUER }).cognito?.issuer).toBe(AWS_ISSUER);
    expect(() => parseIngestEnv({ ...lambda, COGNITO_ISSUER: "http://127.0.0.1:9229/local_x" })).toThrow(/user pool's issuer/);
    expect(() => parseIngestEnv({ ...lambda, COGNITO_ISSUER: AWS_ISSUER, COGNITO_JWKS_URL: "https://evil.example/jwks.json" })).toThrow(/own JWKS/);
  });

  it("trusts nobody's forwarding headers by default, and finds the geography database in its npm package", () => {
    const config = parseIngestEnv(base);
    expect(config).toMatchObject({ originSecret: null, trustedProxies: [] });
    expect(config.geoDatabaseDir).toMatch(/node_modules\/@ip-location-db\/dbip-city-mmdb$/);
    expect(parseIngestEnv({ ...base, GEO_DATABASE_DIR: "/var/task/geo" }).geoDatabaseDir).toBe("/var/task/geo");
    // In the Lambda, beside ingest/handler.mjs, where stacks/Ingest.ts ships the files (INGEST_GEO_DIR).
    expect(BUNDLED_GEO_DIR.endsWith("/ingest/dbip-city/")).toBe(true);
  });

  it("takes the CloudFront origin secret and the local adapter's trusted proxies", () => {
    const secret = "x".repeat(32);
    expect(parseIngestEnv({ ...base, CLOUDFRONT_ORIGIN_SECRET: secret, TRUSTED_PROXIES: " loopback, 10.0.0.0/8 ," })).toMatchObject({
      originSecret: secret,
      trustedProxies: ["loopback", "10.0.0.0/8"],
    });
    expect(() => parseIngestEnv({ ...base, CLOUDFRONT_ORIGIN_SECRET: "short" })).toThrow(/CLOUDFRONT_ORIGIN_SECRET/);
    expect(() => parseIngestEnv({ ...base, CLOUDFRONT_ORIGIN_SECRET: `${"x".repeat(32)} y` })).toThrow(/visible ASCII/);
    expect(() => parseIngestEnv({ ...base, TRUSTED_PROXIES: "loopback,*" })).toThrow(/TRUSTED_PROXIES/);
  });

  it("in a deployed function, trusts no forwarding proxy (only CloudFront, by its secret)", () => {
    const lambda = { ...base, AWS_LAMBDA_FUNCTION_NAME: "ingest" };
    expect(() => parseIngestEnv({ ...lambda, TRUSTED_PROXIES: "loopback" })).toThrow(/TRUSTED_PROXIES is for the local adapter/);
    expect(parseIngestEnv({ ...lambda, CLOUDFRONT_ORIGIN_SECRET: "x".repeat(32) }).originSecret).toBe("x".repeat(32));
  });

  it("keeps the existing variables' rules", () => {
    expect(() => parseIngestEnv({})).toThrow(/RAW_BUCKET/);
    expect(() => parseIngestEnv({ ...base, SERVER_EVENTS_SECRET: "short" })).toThrow(/at least 32 characters/);
  });
});
