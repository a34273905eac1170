import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { MODEL_SQL_DIR } from "../sql-files.ts";
import { COUNT_NEW_EVENTS_BY_OBJECT } from "../warehouse-queries.ts";


interface ModelSql {
  stageTables: string;
  /** The numbered steps, in order: staging → facts and dimensions → aggregates. */
  steps: Array<{ name: string; sql: string }>;
}

let cached: ModelSql | undefined;

function modelSql(): ModelSql {
  cached ??= {
    stageTables: readFileSync(path.join(MODEL_SQL_DIR, "stage-tables.sql"), "utf8"),
    steps: readdirSync(MODEL_SQL_DIR)
      .filter((file) => /^\d{2}-[a-z0-9-]+\.sql$/.test(file))
      .sort()
      .map((file) => ({ name: file.replace(/\.sql$/, ""), sql: readFileSync(path.join(MODEL_SQL_DIR, file), "utf8") })),
  };
  return cached;
}

/** Creates this transaction's staging tables (stage_event, stage_device). */
export async function createStageTables(client: pg.PoolClient): Promise<void> {
  await client.query(modelSql().stageTables);
}

/**
 * Merges the staged rows into the model, step by step, inside the caller's transaction.
 * Returns how many events were new, per object, and how long each step took.
 */
export async function mergeStage(client: pg.PoolClient): Promise<{ newEvents: Map<string, number>; stepMs: Record<string, number> }> {
  const stepMs: Record<string, number> = {};
  for (const step of modelSql().steps) {
    const started = performance.now();
    await client.query(step.sql);
    stepMs[step.name] = Math.round(performance.now() - started);
  }
  const counted = await client.query<{ object_key: string; n: string }>(COUNT_NEW_EVENTS_BY_OBJECT);
  return { newEvents: new Map(counted.rows.map((row) => [row.object_key, Number(row.n)])), stepMs };
}
