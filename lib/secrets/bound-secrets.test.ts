import { describe, expect, it } from "vitest";
import { loadBoundSecrets } from "./bound-secrets.ts";

describe("loadBoundSecrets", () => {
  it("keeps what the environment already has", async () => {
    const env: Record<string, string | undefined> = { DATABASE_URL: "postgresql://local/shop" };
    expect(await loadBoundSecrets(["DATABASE_URL"], env)).toEqual([]);
    expect(env.DATABASE_URL).toBe("postgresql://local/shop");
  });

  it("names the secrets that are neither set nor bound", async () => {
    const env: Record<string, string | undefined> = {};
    expect(await loadBoundSecrets(["DATABASE_URL", "WAREHOUSE_URL"], env)).toEqual(["DATABASE_URL", "WAREHOUSE_URL"]);
    expect(env).toEqual({});
  });
});
