import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { z } from "zod";
import { trackedEventSchema } from "../../lib/tracking/schema.ts";
import { CHANNELS } from "../enrich/channel.ts";
import { DEVICE_TYPES } from "../enrich/device.ts";
import { MODEL_SQL_DIR } from "../sql-files.ts";

/**
 * Data tests beside the model, dbt-style: each file in etl/model/checks is a query returning the
 * rows that break one rule (none when it holds), scoped to the days a run rebuilt. Its first line
 * says how bad a failure is: "-- severity: error" (the model is wrong) or "warn" (worth a look).
 */
export interface DataCheck {
  name: string;
  severity: "error" | "warn";
  sql: string;
}

export interface DataCheckResult {
  name: string;
  severity: "error" | "warn";
  failures: number;
  /** Up to five failing rows, to start the investigation from. */
  sample: unknown[];
}

const CHECKS_DIR = path.join(MODEL_SQL_DIR, "checks");
const SEVERITY = /^-- severity: (error|warn)\s*$/m;
const SAMPLE_ROWS = 5;

let cached: DataCheck[] | undefined;

export function dataChecks(): DataCheck[] {
  cached ??= readdirSync(CHECKS_DIR)
    .filter((file) => file.endsWith(".sql"))
    .sort()
    .map((file) => {
      const sql = readFileSync(path.join(CHECKS_DIR, file), "utf8");
      const severity = SEVERITY.exec(sql)?.[1];
      if (severity !== "error" && severity !== "warn") throw new Error(`data check ${file} does not say its severity ("-- severity: error|warn")`);
      return { name: file.replace(/\.sql$/, ""), severity, sql };
    });
  return cached;
}

/** What a check may read besides the warehouse: the days in scope and the accepted values. */
const PARAMS = `WITH params AS (
  SELECT $1::date[] AS days, $2::text[] AS event_names, $3::text[] AS channels, $4::text[] AS device_types)`;

const counted = z.object({ failures: z.number().int(), sample: z.array(z.unknown()).nullable() });

/** Runs every data check over the given days (YYYY-MM-DD). */
export async function runDataChecks(client: pg.ClientBase, days: readonly string[]): Promise<DataCheckResult[]> {
  const eventNames = trackedEventSchema.options.map((option) => option.shape.event_name.value);
  const results: DataCheckResult[] = [];
  for (const check of dataChecks()) {
    const result = await client.query(
      `${PARAMS}, failing AS (${check.sql.trim()})
       SELECT count(*)::int AS failures, (SELECT jsonb_agg(to_jsonb(f)) FROM (SELECT * FROM failing LIMIT ${SAMPLE_ROWS}) AS f) AS sample
       FROM failing`,
      [days, eventNames, CHANNELS, DEVICE_TYPES],
    );
    const row = counted.parse(result.rows[0]);
    results.push({ name: check.name, severity: check.severity, failures: row.failures, sample: row.sample ?? [] });
  }
  return results;
}
