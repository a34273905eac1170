import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { MODEL_SQL_DIR } from "../sql-files.ts";
import {
  CLAIM_DIRTY_DAYS, COUNT_NEW_EVENTS_BY_OBJECT, INDEX_REBUILD_SCOPE, MARK_DIRTY_DAYS, REBUILD_SCOPE,
} from "../warehouse-queries.ts";


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

/** Steps numbered 80 and up are aggregates: they rebuild the days listed in run_affected_day. */
const FIRST_AGGREGATE_STEP = 80;
/** The step that loads fact_event from staging (10-fact-event.sql) and makes run_new_event. */
const FACT_EVENT_STEP = 10;
const isAggregate = (step: { name: string }) => Number(step.name.slice(0, 2)) >= FIRST_AGGREGATE_STEP;

/** Creates this transaction's staging tables (stage_event, stage_device, run_affected_day). */
export async function createStageTables(client: pg.PoolClient): Promise<void> {
  await client.query(modelSql().stageTables);
}

/**
 * Merges the staged rows into the facts and dimensions, step by step, inside the caller's
 * transaction, and marks the days it touched for their aggregates (refreshDirtyAggregates).
 * Returns how many events were new, per object, and how long each step took.
 */
export async function mergeStage(client: pg.PoolClient): Promise<{ newEvents: Map<string, number>; stepMs: Record<string, number> }> {
  const stepMs = await runSteps(client, modelSql().steps.filter((step) => !isAggregate(step)));
  await client.query(MARK_DIRTY_DAYS);
  const counted = await client.query<{ object_key: string; n: string }>(COUNT_NEW_EVENTS_BY_OBJECT);
  return { newEvents: new Map(counted.rows.map((row) => [row.object_key, Number(row.n)])), stepMs };
}

/**
 * Recomputes everything the model derives from fact_event (dimensions, identities, sessions,
 * order lines, aggregates) for the events of the given days (all when a bound is null), inside
 * the caller's transaction: after the model's SQL changed, or to fill a table a migration added.
 * Staging is empty, so the steps after fact_event see these events as the pass's new ones.
 */
export async function rebuildFromFacts(client: pg.PoolClient, range: { from: string | null; to: string | null }): Promise<Record<string, number>> {
  await createStageTables(client);
  await client.query(REBUILD_SCOPE, [range.from, range.to]);
  await client.query(INDEX_REBUILD_SCOPE);
  return runSteps(client, modelSql().steps.filter((step) => Number(step.name.slice(0, 2)) > FACT_EVENT_STEP));
}

/**
 * Rebuilds every aggregate for the given days (UTC, YYYY-MM-DD) from the facts as they are now,
 * inside the caller's transaction: after facts were removed (erasure, retention) or rebuilt.
 */
export async function rebuildAggregates(client: pg.PoolClient, days: readonly string[]): Promise<Record<string, number>> {
  await createStageTables(client);
  await client.query("INSERT INTO run_affected_day SELECT unnest($1::date[])", [days]);
  return runSteps(client, modelSql().steps.filter(isAggregate));
}

/**
 * Rebuilds the aggregates of every day passes marked (agg_dirty_day), once, in ONE transaction
 * that also clears the marks. Returns the days and each step's time.
 */
export async function refreshDirtyAggregates(client: pg.PoolClient): Promise<{ days: string[]; stepMs: Record<string, number> }> {
  await client.query("BEGIN");
  try {
    const days = (await client.query<{ day: string }>(CLAIM_DIRTY_DAYS)).rows.map((row) => row.day);
    const stepMs = days.length > 0 ? await rebuildAggregates(client, days) : {};
    await client.query("COMMIT");
    return { days, stepMs };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

async function runSteps(client: pg.PoolClient, steps: ReadonlyArray<{ name: string; sql: string }>): Promise<Record<string, number>> {
  const stepMs: Record<string, number> = {};
  for (const step of steps) {
    const started = performance.now();
    await client.query(step.sql);
    stepMs[step.name] = Math.round(performance.now() - started);
  }
  return stepMs;
}
