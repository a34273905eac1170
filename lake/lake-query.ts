import { parseArgs } from "node:util";
import { createS3Client } from "../lib/lake/s3-client.ts";
import { formatNdjson, formatTable, queryRows } from "./format-rows.ts";
import { openLake, type LakeDb } from "./lake-duckdb.ts";
import { parseLakeEnv, type LakeEnv } from "./lake-env.ts";
import { mirrorLake } from "./mirror-lake.ts";

export const USAGE = `Usage: npm run lake:query -- [--json] [--offline] "SQL"

Copies the raw lake's new objects into a local mirror, then runs SQL over it with DuckDB.

Views:
  raw_events       every event line of raw/, any schema version: object_key, dt, hr (the
                   partition: the ingest's receive time), event_version, event_id, event_name,
                   occurred_at, sent_at, received_at, derived_at, event_date (UTC day of
                   derived_at), seq, anonymous_id, session_id, user_id, logged_in, first_visit,
                   campaign, page_url, page_path, page_referrer, page_title, product_id,
                   properties (JSON), user_agent, client_ip, trusted, flags, event (JSON)
  events           one row per event_id (its first arrival), as the warehouse's fact_event
  rejected_events  rejected/: object_key, dt, hr, received_at, event_index, reason, payload (JSON)

Options:
  --json     one JSON object per row (NDJSON) instead of a table
  --offline  query the mirror as it is, without copying from the lake
  -h, --help this text

The lake: RAW_BUCKET (and S3_ENDPOINT for an S3-compatible server), else the running local
system's (npm start). The mirror: LAKE_MIRROR_DIR, else <DATA_DIR>/lake-mirror.

Example:
  npm run lake:query -- "SELECT event_date, count(*) AS events FROM events GROUP BY ALL ORDER BY 1"
`;

export interface LakeQueryIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

type Parsed = { ok: true; sql: string | null; json: boolean; offline: boolean } | { ok: false; problem: string };

function parseCommandLine(argv: readonly string[]): Parsed {
  let values: { json?: boolean; offline?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { json: { type: "boolean" }, offline: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    }));
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { ok: true, sql: null, json: false, offline: false };
  if (positionals.length !== 1 || positionals[0]!.trim() === "") {
    return { ok: false, problem: positionals.length > 1 ? "give the SQL as one quoted argument" : "no SQL given" };
  }
  return { ok: true, sql: positionals[0]!, json: values.json ?? false, offline: values.offline ?? false };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function mirror(env: LakeEnv, io: LakeQueryIo): Promise<void> {
  if (!env.bucket) {
    throw new Error("no lake configured: start the local system (npm start), or set RAW_BUCKET (and S3_ENDPOINT for an S3-compatible server), or use --offline");
  }
  const where = `s3://${env.bucket}${env.endpoint ? ` at ${env.endpoint}` : ""}`;
  const s3 = createS3Client({ endpoint: env.endpoint, region: env.region });
  try {
    const result = await mirrorLake({ s3, bucket: env.bucket, dir: env.mirrorDir });
    io.stderr(`lake: ${where} → ${env.mirrorDir}: ${result.listed} listed, ${result.copied} copied, ${result.removed} removed\n`);
    if (result.unreadable.length > 0) {
      io.stderr(`lake: ${result.unreadable.length} objects are not readable gzip and are left out: ${result.unreadable.slice(0, 5).join(", ")}\n`);
    }
  } catch (error) {
    throw new Error(`cannot copy the lake from ${where}: ${message(error)}`);
  } finally {
    s3.destroy();
  }
}

/**
 * `npm run lake:query`: the exit code (0, 1 when the lake or the query failed, 2 for a bad
 * command line) after printing the rows to stdout and everything else to stderr.
 */
export async function runLakeQuery(argv: readonly string[], rawEnv: Record<string, string | undefined>, io: LakeQueryIo): Promise<number> {
  const parsed = parseCommandLine(argv);
  if (!parsed.ok) {
    io.stderr(`lake:query: ${parsed.problem}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.sql === null) {
    io.stdout(USAGE);
    return 0;
  }
  let lake: LakeDb;
  try {
    const env = parseLakeEnv(rawEnv);
    if (!parsed.offline) await mirror(env, io);
    lake = await openLake(env.mirrorDir);
  } catch (error) {
    io.stderr(`lake:query: ${message(error)}\n`);
    return 1;
  }
  try {
    const rows = queryRows(await lake.run(parsed.sql));
    io.stdout(parsed.json ? formatNdjson(rows) : formatTable(rows));
    return 0;
  } catch (error) {
    io.stderr(`lake:query: the query failed: ${message(error)}\n`);
    return 1;
  } finally {
    lake.close();
  }
}
