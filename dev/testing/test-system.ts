import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { runnerConfig } from "../config.ts";
import { freePort } from "../parts/ports.ts";
import { startSystem, type RunningSystem } from "../system.ts";

export interface TestSystem {
  readonly system: RunningSystem;
  stop(): Promise<void>;
}

/**
 * The whole local system for an end-to-end test, on the shop's production build, on ports of its
 * own and a throwaway data dir (removed by stop()), without the parts named in `skip` (a part of
 * dev/system.ts: "shop", "shiny", "etl-timer", …). `settings` are further runner settings.
 */
export async function startTestSystem(options: {
  name: string;
  skip: readonly string[];
  settings?: Readonly<Record<string, string>>;
}): Promise<TestSystem> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `compushop-e2e-${options.name}-`));
  await chmod(dataDir, 0o755);
  try {
    const system = await startSystem(
      runnerConfig({
        DATA_DIR: dataDir,
        // Parts that can bind port 0 do; the shop, Shiny and cognito-local need a port named up front.
        SHOP_PORT: String(await freePort()),
        SHINY_PORT: String(await freePort()),
        COGNITO_PORT: String(await freePort()),
        INGEST_PORT: "0",
        SHOP_DB_PORT: "0",
        WAREHOUSE_DB_PORT: "0",
        S3_PORT: "0",
        SHOP_MODE: "production",
        SKIP_PARTS: options.skip.join(","),
        ...options.settings,
      }),
      () => {},
    );
    return {
      system,
      stop: async () => {
        await system.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
