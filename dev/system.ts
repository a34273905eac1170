import { mkdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { migrateShop } from "../lib/db/migrations.ts";
import { seedCatalog } from "../prisma/seed.ts";
import { closeEtlDeps, createEtlDeps } from "../etl/etl-env.ts";
import { localRuntimeFile, writeLocalRuntime } from "../etl/local-runtime.ts";
import { migrateWarehouse } from "../etl/migrations.ts";
import { createIngestHandler } from "../ingest/handler.ts";
import { runEtl } from "../etl/run-etl.ts";
import type { RunnerConfig } from "./config.ts";
import { startCognito, type CognitoPart } from "./parts/cognito.ts";
import { startIngestAdapter } from "./parts/ingest-adapter.ts";
import { startOutboxRelay, type OutboxRelayPart } from "./parts/outbox-relay.ts";
import { localServerEventsSecret } from "./server-events-secret.ts";
import { startPostgres } from "./parts/postgres.ts";
import { startS3 } from "./parts/s3.ts";
import { startShiny } from "./parts/shiny.ts";
import { startShop } from "./parts/shop.ts";

export interface RunningSystem {
  readonly urls: Record<string, string>;
  /** Runs one ETL pass now (the timer keeps running too). */
  etlPass(): ReturnType<typeof runEtl>;
  /** Relays the shop's due server events now (the relay's timer keeps running too). */
  relayOutbox(): ReturnType<OutboxRelayPart["drain"]>;
  /** Where the ingest writes: the S3-compatible endpoint and the raw bucket. */
  readonly lake: { endpoint: string; bucket: string };
  stop(): Promise<void>;
}

type Log = (line: string) => void;

/**
 * Waits for every start to settle before reporting the first failure, so a part that finishes
 * starting after another failed is still registered, and stopped, instead of outliving us.
 */
async function allStarted<T extends readonly unknown[] | []>(starts: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled: readonly PromiseSettledResult<unknown>[] = await Promise.allSettled(starts);
  const values = settled.map((result) => {
    if (result.status === "rejected") throw result.reason;
    return result.value;
  });
  return values as { -readonly [K in keyof T]: Awaited<T[K]> };
}

async function productCount(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM product")).rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/**
 * Starts every local part the config asks for, in dependency order, and returns how to reach
 * and stop them. On a failure it stops what it already started, then rethrows.
 */
export async function startSystem(config: RunnerConfig, log: Log = console.log): Promise<RunningSystem> {
  const stops: Array<{ name: string; stop: () => Promise<void> }> = [];
  const started = <T extends { stop(): Promise<void> }>(name: string, part: T): T => {
    stops.push({ name, stop: () => part.stop() });
    return part;
  };
  const stopAll = async () => {
    for (const { name, stop } of stops.reverse()) {
      await stop().then(
        () => log(`stopped ${name}`),
        (error: unknown) => log(`stopping ${name} failed: ${String(error)}`),
      );
    }
    stops.length = 0;
  };

  try {
    await mkdir(config.dataDir, { recursive: true });
    const dataPath = (name: string) => path.join(config.dataDir, name);
    const skip = config.skip;

    const [shopDb, warehouseDb, s3, cognito] = await allStarted([
      config.DATABASE_URL
        ? { url: config.DATABASE_URL }
        : startPostgres({ dataDir: dataPath("shop-db"), port: config.SHOP_DB_PORT, database: "shop" }).then((p) => started("shop db", p)),
      config.WAREHOUSE_URL
        ? { url: config.WAREHOUSE_URL }
        : startPostgres({ dataDir: dataPath("warehouse-db"), port: config.WAREHOUSE_DB_PORT, database: "warehouse" }).then((p) =>
            started("warehouse db", p),
          ),
      config.S3_ENDPOINT
        ? { endpoint: config.S3_ENDPOINT }
        : startS3({ dataDir: dataPath("s3"), port: config.S3_PORT, bucket: config.RAW_BUCKET }).then((p) => started("s3", p)),
      skip.has("cognito")
        ? null
        : startCognito({
            dataDir: dataPath("cognito"),
            port: config.COGNITO_PORT,
            code: config.COGNITO_CODE,
          }).then((p): CognitoPart => started("cognito", p)),
    ]);

    await migrateShop(shopDb.url);
    if ((await productCount(shopDb.url)) === 0) {
      const seeded = await seedCatalog(shopDb.url);
      log(`seeded the catalog: ${JSON.stringify(seeded)}`);
    }
    await migrateWarehouse(warehouseDb.url);

    // Configured as the Lambda's environment would configure it, without touching ours: one
    // process may run several systems (the end-to-end tests do).
    const serverEventsSecret = config.SERVER_EVENTS_SECRET ?? (await localServerEventsSecret(config.dataDir));
    const handler = createIngestHandler({
      RAW_BUCKET: config.RAW_BUCKET,
      S3_ENDPOINT: s3.endpoint,
      SERVER_EVENTS_SECRET: serverEventsSecret,
      // The shop's events path and tests reach the adapter over loopback: their X-Forwarded-For
      // names the shopper (tests play shoppers from chosen countries). Never set in a Lambda.
      TRUSTED_PROXIES: "loopback",
      // Browser events name the shopper only from their verified sign-in.
      ...(cognito ? { COGNITO_ISSUER: cognito.issuer, COGNITO_CLIENT_ID: cognito.userPoolClientId, COGNITO_JWKS_URL: cognito.jwksUri } : {}),
    });
    const shopOrigins = [`http://127.0.0.1:${config.SHOP_PORT}`, `http://localhost:${config.SHOP_PORT}`];
    const ingest = started(
      "ingest",
      await startIngestAdapter({ port: config.INGEST_PORT, allowedOrigins: shopOrigins, handler }),
    );

    const relay = started(
      "outbox relay",
      startOutboxRelay({ databaseUrl: shopDb.url, ingestUrl: ingest.url, secret: serverEventsSecret, intervalMs: config.OUTBOX_INTERVAL_SECONDS * 1000, log }),
    );

    // Locally the ETL reads the shop as its owner; in production as a user in role warehouse_reader.
    const etlEnv = { WAREHOUSE_URL: warehouseDb.url, RAW_BUCKET: config.RAW_BUCKET, S3_ENDPOINT: s3.endpoint, SHOP_READONLY_URL: shopDb.url };
    const etlDeps = createEtlDeps(etlEnv, (message, fields) => log(`[etl] ${message} ${fields ? JSON.stringify(fields) : ""}`));
    stops.push({ name: "etl", stop: () => closeEtlDeps(etlDeps) });
    const etlPass = () => runEtl(etlDeps);
    if (!skip.has("etl-timer")) {
      const tick = () => etlPass().catch((error: unknown) => log(`[etl] run failed: ${String(error)}`));
      const timer = setInterval(tick, config.ETL_INTERVAL_SECONDS * 1000);
      stops.push({ name: "etl timer", stop: async () => clearInterval(timer) });
      void tick();
    }

    const urls: Record<string, string> = {
      shop: `http://127.0.0.1:${config.SHOP_PORT}`,
      ingest: ingest.url,
      shiny: `http://127.0.0.1:${config.SHINY_PORT}`,
      "shop db": shopDb.url,
      "warehouse db": warehouseDb.url,
      s3: `${s3.endpoint} (bucket ${config.RAW_BUCKET})`,
    };
    if (cognito) {
      urls.cognito = `${cognito.endpoint} (pool ${cognito.userPoolId}, client ${cognito.userPoolClientId}; no e-mail is sent: every confirmation code is ${config.COGNITO_CODE})`;
    }

    const [shop, shiny] = await allStarted([
      skip.has("shop")
        ? null
        : startShop({
            port: config.SHOP_PORT,
            mode: config.SHOP_MODE,
            env: {
              DATABASE_URL: shopDb.url,
              INGEST_URL: ingest.url,
              SERVER_EVENTS_SECRET: serverEventsSecret,
              ...(cognito
                ? {
                    COGNITO_LOCAL: "1",
                    COGNITO_ENDPOINT: cognito.endpoint,
                    COGNITO_USER_POOL_ID: cognito.userPoolId,
                    COGNITO_CLIENT_ID: cognito.userPoolClientId,
                    COGNITO_ISSUER: cognito.issuer,
                    COGNITO_JWKS_URI: cognito.jwksUri,
                  }
                : {}),
            },
          }).then((p) => started("shop", p)),
      skip.has("shiny") ? null : startShiny({ port: config.SHINY_PORT, warehouseUrl: warehouseDb.url }).then((p) => started("shiny", p)),
    ]);
    if (!shop) delete urls.shop;
    if (!shiny) delete urls.shiny;

    await writeLocalRuntime({ ...etlEnv, DATABASE_URL: shopDb.url, INGEST_URL: ingest.url }, localRuntimeFile(config.dataDir));
    const lake = { endpoint: s3.endpoint, bucket: config.RAW_BUCKET };
    return { urls, etlPass, relayOutbox: () => relay.drain(), lake, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
