import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { throwawayS3 } from "../dev/testing/local-parts.ts";
import { startPostgres } from "../dev/parts/postgres.ts";
import pg from "pg";
import { migrateWarehouse } from "../etl/migrations.ts";
import { refreshDirtyAggregates } from "../etl/model/refresh-model.ts";
import { writeLakeObject } from "../ingest/lake-writer.ts";
import { createS3Client } from "../lib/lake/s3-client.ts";
import { generateClickstream } from "./clickstream/generate.ts";
import { bufferedObjects } from "./support/buffered-objects.ts";
import { etlChildReport } from "./support/etl-child-report.ts";

// The dashboard's own queries (shiny/R/queries*.R, run from R as the app runs them) on a
// warehouse of a realistic clickstream (bench/clickstream/, loaded by the real ETL), each as a
// ratio to the skeleton's way of answering in the same run: a count of distinct visitors and
// sessions over fact_event's page views for the same 30 days. The aim is < 200 ms for each.
// The warehouse is kept in .bench/dashboard-<events>-<days>/ and reused by later runs (delete
// the folder to load it again; loading 5 M events takes a while).
// Usage: npx tsx bench/dashboard-queries.bench.ts [events=5000000] [days=90]
const totalEvents = Number(process.argv[2] ?? 5_000_000);
const days = Number(process.argv[3] ?? 90);
const SEED = 20_261_206;
const END_DATE = new Date("2026-11-28T00:00:00.000Z");
const BUCKET = "bench-dashboard-raw";
const LINES_PER_OBJECT = 500;
const UPLOADS_IN_FLIGHT = 16;

const root = fileURLToPath(new URL("..", import.meta.url));
const benchDir = path.join(root, ".bench", `dashboard-${totalEvents}-${days}`);
const loadedMarker = path.join(benchDir, "loaded.json");
const run = promisify(execFile);

await mkdir(benchDir, { recursive: true });
const warehouse = await startPostgres({ dataDir: path.join(benchDir, "warehouse"), port: 0, database: "warehouse", persistent: true });
try {
  await migrateWarehouse(warehouse.url);
  if (!existsSync(loadedMarker)) {
    const started = performance.now();
    const s3part = await throwawayS3(BUCKET);
    try {
      const s3 = createS3Client({ endpoint: s3part.endpoint });
      const stream = generateClickstream({ events: totalEvents, days, seed: SEED, endDate: END_DATE });
      const inFlight = new Set<Promise<unknown>>();
      for (const { receivedAt, records } of bufferedObjects(stream.objects, LINES_PER_OBJECT)) {
        const upload = writeLakeObject(s3, BUCKET, "raw", receivedAt, records);
        inFlight.add(upload);
        upload.then(() => inFlight.delete(upload), () => inFlight.delete(upload));
        if (inFlight.size >= UPLOADS_IN_FLIGHT) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
      s3.destroy();
      console.error(`generated ${stream.summary().events} events in ${((performance.now() - started) / 1000).toFixed(0)} s; loading them`);
      const args = JSON.stringify({ warehouseUrl: warehouse.url, bucket: BUCKET, s3Endpoint: s3part.endpoint, objectsPerPass: 100 });
      const child = await run(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "support/etl-child.ts"), args], { maxBuffer: 64 * 1024 * 1024 });
      const etl = etlChildReport.parse(JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "null"));
      await writeFile(loadedMarker, JSON.stringify({ summary: stream.summary(), etlSeconds: etl.fullSeconds }, null, 2));
    } finally {
      await s3part.stop();
    }
  }
  // A warehouse loaded before a migration that added an aggregate: fill it as the next ETL run would.
  const pool = new pg.Pool({ connectionString: warehouse.url, max: 1 });
  const client = await pool.connect();
  try {
    const refreshed = await refreshDirtyAggregates(client);
    if (refreshed.days.length > 0) console.error(`rebuilt the aggregates of ${refreshed.days.length} days after a migration`);
  } finally {
    client.release();
    await pool.end();
  }
  const loaded: unknown = JSON.parse(await readFile(loadedMarker, "utf8"));
  const measured = await run("Rscript", ["--vanilla", path.join(import.meta.dirname, "support/dashboard-queries.R")], {
    cwd: root,
    env: { ...process.env, WAREHOUSE_URL: warehouse.url },
    maxBuffer: 16 * 1024 * 1024,
  });
  const result: unknown = JSON.parse(measured.stdout.trim().split("\n").at(-1) ?? "null");
  console.log(JSON.stringify({ warehouse: loaded, ...(result as object) }, null, 2));
} catch (error) {
  console.error(error);
  process.exitCode = 1;
  if (!existsSync(loadedMarker)) await rm(benchDir, { recursive: true, force: true }).catch(() => {});
} finally {
  await warehouse.stop();
}
