import { describe, expect, it } from "vitest";
import { DEFAULT_INGEST_URL, ShopConfigError, parseShopEnv } from "./shop-env-schema.ts";

describe("parseShopEnv", () => {
  it("defaults INGEST_URL when unset or empty", () => {
    expect(parseShopEnv({}).INGEST_URL).toBe(DEFAULT_INGEST_URL);
    expect(parseShopEnv({ INGEST_URL: "" }).INGEST_URL).toBe(DEFAULT_INGEST_URL);
    expect(parseShopEnv({ INGEST_URL: "  " }).INGEST_URL).toBe(DEFAULT_INGEST_URL);
  });

  it("accepts http and https URLs", () => {
    expect(parseShopEnv({ INGEST_URL: "https://events.example.com/v1/events" }).INGEST_URL).toBe(
      "https://events.example.com/v1/events",
    );
  });

  it("explains an invalid value", () => {
    expect(() => parseShopEnv({ INGEST_URL: "not a url" })).toThrow(ShopConfigError);
    expect(() => parseShopEnv({ INGEST_URL: "ftp://example.com/x" })).toThrow(
      /Invalid shop configuration: INGEST_URL must be an absolute http:\/\/ or https:\/\/ URL.*\(got "ftp:\/\/example.com\/x"\)/,
    );
  });
});
