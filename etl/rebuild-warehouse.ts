import type pg from "pg";
import { runDataChecks, type DataCheckResult } from "./model/data-checks.ts";
import { rebuildFromFacts } from "./model/refresh-model.ts";
import * as q from "./warehouse-queries.ts";

export interface RebuildResult {
  /** Days (YYYY-MM-DD) whose aggregates were rebuilt. */
  days: string[];
  stepMs: Record<string, number>;
  checks: DataCheckResult[];
}

/** A rebuild reads every event in its range in one transaction: give it longer than a pass. */
const REBUILD_TIMEOUT = "SET LOCAL statement_timeout = '1h'";

/**
 * Recomputes the model from fact_event for the events of the given days (YYYY-MM-DD; null: no
 * bound) in ONE transaction, under the ETL's lock: after the model's SQL changed, or to fill the
 * tables a migration added for events loaded before it. fact_event itself is never touched.
 */
export async function rebuildWarehouse(warehouse: pg.Pool, range: { from: string | null; to: string | null }): Promise<RebuildResult> {
  const client = await warehouse.connect();
  try {
    await client.query("BEGIN");
    await client.query(REBUILD_TIMEOUT);
    const lock = await client.query<{ locked: boolean }>(q.TRY_XACT_LOCK, [q.ETL_LOCK_KEY]);
    if (!lock.rows[0]?.locked) throw new Error("an ETL run is working on the warehouse: rebuild when it has finished");
    const stepMs = await rebuildFromFacts(client, range);
    const days = (await client.query<{ day: string }>(q.AFFECTED_DAYS)).rows.map((row) => row.day);
    const checks = await runDataChecks(client, days);
    await client.query("COMMIT");
    return { days, stepMs, checks };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
