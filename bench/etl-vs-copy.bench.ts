import { PutObjectCommand } from "@aws-sdk/client-s3";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { throwawayPostgres, throwawayS3 } from "../dev/testing/local-parts.ts";
import { toNdjsonGzip } from "../ingest/lake-writer.ts";
import { lakeObjectKey } from "../lib/lake/keys.ts";
import { readLakeLine } from "../lib/tracking/schema.ts";
import { pageView, productView, rawRecord } from "../lib/tracking/testing/event-factory.ts";
import { closeEtlDeps, createEtlDeps } from "../etl/etl-env.ts";
import { migrateWarehouse } from "../etl/migrations.ts";
import { toFactEventRow, type FactEventRow } from "../etl/parse-raw-object.ts";
import { runEtl } from "../etl/run-etl.ts";

// ETL throughput as a ratio against a bare COPY of the same rows into an empty table, both in
// this run on this machine. Usage: npx tsx bench/etl-vs-copy.bench.ts [events] [eventsPerObject]
const totalEvents = Number(process.argv[2] ?? 50_000);
const perObject = Number(process.argv[3] ?? 500);

const [s3, warehouse] = await Promise.all([throwawayS3("bench-raw"), throwawayPostgres("warehouse")]);
try {
  await migrateWarehouse(warehouse.url);
  const deps = createEtlDeps({ WAREHOUSE_URL: warehouse.url, RAW_BUCKET: "bench-raw", S3_ENDPOINT: s3.endpoint });
  const rows: FactEventRow[] = [];
  const receivedAt = new Date();
  for (let done = 0; done < totalEvents; done += perObject) {
    const records = Array.from({ length: Math.min(perObject, totalEvents - done) }, (_, i) =>
      rawRecord(i % 3 === 0 ? productView() : pageView(), receivedAt),
    );
    const key = lakeObjectKey("raw", receivedAt);
    await deps.s3.send(new PutObjectCommand({ Bucket: "bench-raw", Key: key, Body: toNdjsonGzip(records) }));
    records.forEach((record, index) => {
      const read = readLakeLine(record);
      if (!read.ok) throw read.error;
      rows.push(toFactEventRow(read.event, key, index + 1));
    });
  }

  const sql = new pg.Client({ connectionString: warehouse.url });
  await sql.connect();
  await sql.query("CREATE TABLE copy_baseline (LIKE fact_event INCLUDING DEFAULTS)");
  const columns = ["event_id", "event_name", "event_version", "occurred_at", "derived_at", "sent_at", "received_at", "event_date",
    "seq", "anonymous_id", "session_id", "user_id", "logged_in", "first_visit", "campaign", "page_url", "page_path", "page_referrer",
    "page_title", "product_id", "properties", "user_agent", "client_ip", "trusted", "flags", "object_key"] as const;
  const escape = (value: unknown) =>
    value === null || value === undefined ? "\\N" : String(value).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n");
  const lines = rows.map((row) =>
    columns
      .map((column) =>
        column === "event_date"
          ? row.occurred_at.slice(0, 10)
          : column === "properties" || column === "campaign"
            ? escape(row[column] === null ? null : JSON.stringify(row[column]))
            : column === "flags"
              ? `{${row.flags.join(",")}}`
              : escape(row[column]),
      )
      .join("\t") + "\n",
  );
  let started = performance.now();
  await pipeline(Readable.from(lines), sql.query(copyFrom(`COPY copy_baseline (${columns.join(", ")}) FROM STDIN`)));
  const copySeconds = (performance.now() - started) / 1000;
  await sql.end();

  started = performance.now();
  const first = await runEtl({ ...deps, maxObjectsPerPass: 1_000_000, log: (message, fields) => console.error(message, JSON.stringify(fields)) });
  const etlSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const second = await runEtl(deps);
  const noopSeconds = (performance.now() - started) / 1000;
  await closeEtlDeps(deps);

  if (first.eventsLoaded !== totalEvents || second.eventsLoaded !== 0) throw new Error(`unexpected load: ${JSON.stringify({ first, second })}`);
  const copyRate = totalEvents / copySeconds;
  const etlRate = totalEvents / etlSeconds;
  console.log(
    JSON.stringify(
      {
        events: totalEvents,
        objects: Math.ceil(totalEvents / perObject),
        copy_rows_per_s: Math.round(copyRate),
        etl_rows_per_s: Math.round(etlRate),
        etl_vs_copy_ratio: Number((etlRate / copyRate).toFixed(3)),
        noop_run_vs_full_run_ratio: Number((noopSeconds / etlSeconds).toFixed(4)),
      },
      null,
      2,
    ),
  );
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await Promise.all([s3.stop(), warehouse.stop()]);
}
