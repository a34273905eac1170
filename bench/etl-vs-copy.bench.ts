import { execFile } from "node:child_process";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { GetObjectCommand } from "@aws-sdk/client-s3";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { throwawayPostgres, throwawayS3 } from "../dev/testing/local-parts.ts";
import { writeLakeObject } from "../ingest/lake-writer.ts";
import { createS3Client } from "../lib/lake/s3-client.ts";
import { readLakeLine } from "../lib/tracking/schema.ts";
import { migrateWarehouse } from "../etl/migrations.ts";
import { copyLine, type CopyValue } from "../etl/model/copy-text.ts";
import { toFactEventRow, type FactEventRow } from "../etl/parse-raw-object.ts";
import { generateClickstream } from "./clickstream/generate.ts";
import type { ClickstreamSummary } from "./clickstream/summary.ts";
import { bufferedObjects } from "./support/buffered-objects.ts";
import { etlChildReport } from "./support/etl-child-report.ts";

// ETL throughput on a realistic clickstream (bench/clickstream/: sessions, funnels, searches,
// bots, lost, late and duplicate events, one lake object per tracker request) as a ratio to a
// bare COPY of the same rows into a copy of fact_event, both in this run on this machine; the
// ETL's peak memory, the no-op run's time, the model's step times, and checks that the warehouse
// holds what the generator made. The ETL runs in a child process (bench/support/etl-child.ts) so
// its peak RSS is its own: this process also holds the generator and the uploads.
// Usage: npx tsx bench/etl-vs-copy.bench.ts [events] [days] [objectsPerPass]
// BENCH_LINES_PER_OBJECT=<n> buffers requests into objects of at least n lines, as Firehose in
// front of S3 would (default: one object per tracker request, as the ingest writes today).
// ETL_CPU_PROF_DIR=<dir> writes the ETL process's CPU profile there (node --cpu-prof).
const totalEvents = Number(process.argv[2] ?? 50_000);
const days = Number(process.argv[3] ?? 7);
const objectsPerPass = Number(process.argv[4] ?? 500);
const SEED = 20_261_128;
const END_DATE = new Date("2026-11-28T00:00:00.000Z");
const BUCKET = "bench-raw";
const UPLOADS_IN_FLIGHT = 32;
/** Objects read back to measure s3rver's GET rate at the ETL's read concurrency. */
const GET_SAMPLE = 2_000;
const ETL_READ_CONCURRENCY = 16;
const LINES_PER_OBJECT = Number(process.env["BENCH_LINES_PER_OBJECT"] ?? 0);

const COLUMNS = [
  "event_id", "event_name", "event_version", "occurred_at", "derived_at", "sent_at", "received_at", "event_date",
  "seq", "anonymous_id", "session_id", "user_id", "logged_in", "first_visit", "campaign", "page_url", "page_path", "page_referrer",
  "page_title", "product_id", "properties", "user_agent", "client_ip", "trusted", "flags", "object_key",
] as const;

function baselineLine(row: FactEventRow): string {
  const values: Record<(typeof COLUMNS)[number], CopyValue> = {
    ...row,
    event_date: row.derived_at.slice(0, 10),
    campaign: { json: row.campaign },
    properties: { json: row.properties },
  };
  return copyLine(COLUMNS.map((column) => values[column]));
}

const seconds = (since: number) => (performance.now() - since) / 1000;
const round = (value: number, digits = 3) => Number(value.toFixed(digits));

const [s3part, warehouse] = await Promise.all([throwawayS3(BUCKET), throwawayPostgres("warehouse")]);
const dir = await mkdtemp(path.join(os.tmpdir(), "compushop-bench-"));
const s3 = createS3Client({ endpoint: s3part.endpoint });
try {
  await migrateWarehouse(warehouse.url);

  // The lake, written as the ingest writes it, and the same rows as COPY text in a file.
  let started = performance.now();
  const stream = generateClickstream({ events: totalEvents, days, seed: SEED, endDate: END_DATE });
  const copyFile = path.join(dir, "rows.copy");
  const out = createWriteStream(copyFile);
  const inFlight = new Set<Promise<void>>();
  const sampleKeys: string[] = [];
  let parentPeakRss = 0;
  let objectsWritten = 0;
  for (const { receivedAt, records } of bufferedObjects(stream.objects, LINES_PER_OBJECT)) {
    objectsWritten += 1;
    const upload = writeLakeObject(s3, BUCKET, "raw", receivedAt, records).then((key) => {
      if (sampleKeys.length < GET_SAMPLE) sampleKeys.push(key);
      const text = records
        .map((record, index) => {
          const read = readLakeLine(record);
          if (!read.ok) throw read.error;
          return baselineLine(toFactEventRow(read.event, key, index + 1));
        })
        .join("");
      out.write(text);
    });
    inFlight.add(upload);
    // Its failure surfaces through Promise.race or Promise.all below.
    upload.then(() => inFlight.delete(upload), () => inFlight.delete(upload));
    if (inFlight.size >= UPLOADS_IN_FLIGHT) await Promise.race(inFlight);
    if (out.writableNeedDrain) await once(out, "drain");
    parentPeakRss = Math.max(parentPeakRss, process.memoryUsage().rss);
  }
  await Promise.all(inFlight);
  out.end();
  await once(out, "finish");
  const summary: ClickstreamSummary = stream.summary();
  const generateSeconds = seconds(started);
  console.error(`generated and wrote ${objectsWritten} objects (${summary.lines} lines) in ${generateSeconds.toFixed(1)} s`);

  // s3rver's GET rate for these objects, at the ETL's read concurrency: how much of the ETL's time is the local S3.
  started = performance.now();
  const queue = [...sampleKeys];
  await Promise.all(
    Array.from({ length: ETL_READ_CONCURRENCY }, async () => {
      for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
        const response = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
        await response.Body?.transformToByteArray();
      }
    }),
  );
  const getsPerSecond = sampleKeys.length / seconds(started);

  const sql = new pg.Client({ connectionString: warehouse.url });
  await sql.connect();
  await sql.query("CREATE TABLE copy_baseline (LIKE fact_event INCLUDING DEFAULTS)");
  started = performance.now();
  await pipeline(createReadStream(copyFile), sql.query(copyFrom(`COPY copy_baseline (${COLUMNS.join(", ")}) FROM STDIN`)));
  const copySeconds = seconds(started);
  const copied = Number((await sql.query<{ n: string }>("SELECT count(*) AS n FROM copy_baseline")).rows[0]?.n);
  await sql.query("DROP TABLE copy_baseline");
  await rm(copyFile);

  const args = JSON.stringify({ warehouseUrl: warehouse.url, bucket: BUCKET, s3Endpoint: s3part.endpoint, objectsPerPass });
  const profile = process.env["ETL_CPU_PROF_DIR"] ? ["--cpu-prof", `--cpu-prof-dir=${process.env["ETL_CPU_PROF_DIR"]}`] : [];
  const child = await promisify(execFile)(process.execPath, [...profile, "--import", "tsx", path.join(import.meta.dirname, "support/etl-child.ts"), args], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const etl = etlChildReport.parse(JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "null"));

  const count = async (query: string) => Number((await sql.query<{ n: string | null }>(query)).rows[0]?.n ?? 0);
  const checks = {
    fact_event_rows_are_distinct_events: [await count("SELECT count(*) AS n FROM fact_event"), summary.events],
    copied_rows_are_lines: [copied, summary.lines],
    etl_duplicates: [etl.full.duplicates, summary.duplicates],
    nothing_rejected_or_quarantined: [etl.full.rejected + etl.full.objectsQuarantined, 0],
    orders: [await count("SELECT count(DISTINCT order_id) AS n FROM fact_order_line"), summary.purchases],
    order_lines: [await count("SELECT count(*) AS n FROM fact_order_line"), summary.orderLines],
    order_lines_revenue_cents: [await count("SELECT sum(line_revenue_cents) AS n FROM fact_order_line"), summary.subtotalCents],
    kpi_orders: [await count("SELECT sum(orders) AS n FROM agg_daily_kpi WHERE login_state = '(all)'"), summary.purchases],
    kpi_revenue_cents: [await count("SELECT sum(revenue_cents) AS n FROM agg_daily_kpi WHERE login_state = '(all)'"), summary.revenueCents],
    sessions: [await count("SELECT count(*) AS n FROM fact_session"), summary.sessions],
    bot_sessions: [await count("SELECT count(*) AS n FROM fact_session WHERE is_bot"), summary.botSessions],
    converted_sessions: [await count("SELECT count(*) AS n FROM fact_session WHERE converted"), summary.convertedSessions],
    identified_visitors: [await count("SELECT count(*) AS n FROM identity_map"), summary.identifiedVisitors],
    products: [await count("SELECT count(*) AS n FROM dim_product"), summary.products],
    lost_events_seen_as_seq_gaps: [
      await count("SELECT sum(gap) AS n FROM (SELECT max(seq) - count(DISTINCT seq) AS gap FROM fact_event WHERE seq IS NOT NULL GROUP BY anonymous_id) g"),
      summary.lostEvents,
    ],
  } satisfies Record<string, [number, number]>;
  // What the warehouse holds per event: every table and index, over the events loaded.
  const warehouseBytes = await count("SELECT sum(pg_total_relation_size(c.oid)) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'");
  await sql.end();
  const failed = Object.entries(checks).filter(([, [actual, expected]]) => actual !== expected);

  const stepSeconds = Object.values(etl.stepMs).reduce((sum, ms) => sum + ms, 0) / 1000;
  const passMs = [...etl.passMs].sort((a, b) => a - b);
  console.log(
    JSON.stringify(
      {
        events: summary.events,
        lines: summary.lines,
        objects: objectsWritten,
        days,
        lines_per_object: round(summary.lines / objectsWritten, 2),
        objects_per_pass: objectsPerPass,
        passes: etl.full.passes,
        copy_rows_per_s: Math.round(summary.lines / copySeconds),
        etl_rows_per_s: Math.round(summary.lines / etl.fullSeconds),
        etl_vs_copy_ratio: round(copySeconds / etl.fullSeconds),
        copy_seconds: round(copySeconds, 1),
        etl_seconds: round(etl.fullSeconds, 1),
        noop_seconds: round(etl.noopSeconds, 2),
        noop_run_vs_full_run_ratio: Number((etl.noopSeconds / etl.fullSeconds).toPrecision(2)),
        etl_peak_rss_mb: etl.maxRssMb,
        etl_rss_at_start_mb: etl.rssBeforeMb,
        etl_peak_rss_growth_mb: etl.sampledPeakRssMb - etl.rssBeforeMb,
        etl_peak_heap_used_mb: etl.peakHeapUsedMb,
        model_step_seconds: Object.fromEntries(Object.entries(etl.stepMs).map(([step, ms]) => [step, round(ms / 1000, 1)])),
        outside_model_steps_seconds: round(etl.fullSeconds - stepSeconds, 1),
        pass_ms_p50_p95_max: [passMs[Math.floor(passMs.length / 2)], passMs[Math.floor(passMs.length * 0.95)], passMs.at(-1)],
        warehouse_bytes_per_event: Math.round(warehouseBytes / summary.events),
        s3rver_gets_per_s: Math.round(getsPerSecond),
        s3rver_get_share_of_etl_estimate: round(objectsWritten / getsPerSecond / etl.fullSeconds, 2),
        generate_and_write_seconds: round(generateSeconds, 1),
        bench_process_peak_rss_mb: Math.round(parentPeakRss / (1024 * 1024)),
        generated: summary,
        checks: Object.fromEntries(Object.entries(checks).map(([name, [actual, expected]]) => [name, actual === expected ? "ok" : `${actual} ≠ ${expected}`])),
      },
      null,
      2,
    ),
  );
  if (failed.length > 0) throw new Error(`the warehouse does not match the generated clickstream: ${failed.map(([name]) => name).join(", ")}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  s3.destroy();
  await rm(dir, { recursive: true, force: true });
  await Promise.all([s3part.stop(), warehouse.stop()]);
}
