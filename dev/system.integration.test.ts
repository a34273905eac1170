import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { batchBody, pageView } from "../lib/tracking/testing/event-factory.ts";
import { runnerConfig } from "./config.ts";
import { startSystem } from "./system.ts";

let dataDir: string;
let squatter: net.Server;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "compushop-system-"));
  // As root, PostgreSQL runs as the postgres user, who must be able to reach the data dirs inside.
  await chmod(dataDir, 0o755);
  squatter = net.createServer();
  await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  squatter?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const minimal = (dir: string) =>
  runnerConfig({
    DATA_DIR: dir,
    INGEST_PORT: "0",
    SHOP_DB_PORT: "0",
    WAREHOUSE_DB_PORT: "0",
    S3_PORT: "0",
    SKIP_PARTS: "shop,shiny,cognito,etl-timer",
  });

describe("startSystem", () => {
  it("runs two systems in one process, each ingest writing to its own lake for its own ETL", async () => {
    for (const name of ["first", "second"]) {
      const system = await startSystem(minimal(path.join(dataDir, name)), () => {});
      try {
        const response = await fetch(system.urls.ingest ?? "", { method: "POST", body: batchBody([pageView()]) });
        expect(response.status).toBe(200);
        expect(await system.etlPass()).toMatchObject({ status: "succeeded", eventsLoaded: 1 });
      } finally {
        await system.stop();
      }
    }
  });

  it("stops every part that started, even one that finished starting after another failed", async () => {
    // s3rver fails within a moment (its port is taken) while both databases are still in initdb.
    const config = runnerConfig({
      DATA_DIR: dataDir,
      SHOP_DB_PORT: "0",
      WAREHOUSE_DB_PORT: "0",
      S3_PORT: String((squatter.address() as net.AddressInfo).port),
      SKIP_PARTS: "shop,shiny,cognito,etl-timer",
    });
    const log: string[] = [];
    await expect(startSystem(config, (line) => log.push(line))).rejects.toThrow(/s3rver exited/);
    expect(log).toEqual(expect.arrayContaining(["stopped shop db", "stopped warehouse db"]));
    // A server that is still running keeps its postmaster.pid.
    for (const db of ["shop-db", "warehouse-db"]) {
      expect(existsSync(path.join(dataDir, db, "PG_VERSION"))).toBe(true);
      expect(existsSync(path.join(dataDir, db, "postmaster.pid"))).toBe(false);
    }
  });
});
