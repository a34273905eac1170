import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { runnerConfig } from "../config.ts";
import { freePort } from "../parts/ports.ts";
import { startSystem, type RunningSystem } from "../system.ts";

export const SIGN_UP_CODE = "246810";

export interface ShopSystem {
  readonly shop: string;
  readonly system: RunningSystem;
  stop(): Promise<void>;
}

/**
 * The shop on its production build, with what it needs (both databases, the lake, the ingest),
 * and cognito-local (every confirmation code is SIGN_UP_CODE), on ports of its own and a
 * throwaway data dir; Shiny and the ETL timer stay off.
 */
export async function startShopSystem(): Promise<ShopSystem> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "compushop-e2e-shop-"));
  await chmod(dataDir, 0o755);
  const system = await startSystem(
    runnerConfig({
      DATA_DIR: dataDir,
      SHOP_PORT: String(await freePort()),
      INGEST_PORT: "0",
      SHOP_DB_PORT: "0",
      WAREHOUSE_DB_PORT: "0",
      S3_PORT: "0",
      COGNITO_PORT: String(await freePort()),
      COGNITO_CODE: SIGN_UP_CODE,
      SHOP_MODE: "production",
      SKIP_PARTS: "shiny,etl-timer",
    }),
    () => {},
  );
  return {
    shop: system.urls.shop ?? "",
    system,
    stop: async () => {
      await system.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
