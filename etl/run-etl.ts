import type { S3Client } from "@aws-sdk/client-s3";
import type pg from "pg";
import { partitionPrefix } from "../lib/lake/keys.ts";
import { listingStart } from "./list-raw-objects.ts";
import { loadPass, readPassObjects, type PassStep } from "./load-pass.ts";
import { runDataChecks } from "./model/data-checks.ts";
import { refreshDirtyAggregates } from "./model/refresh-model.ts";
import { refreshShopTotals } from "./reconcile-shop.ts";
import { pendingObjectBatches, type DayCounts } from "./pending-objects.ts";
import * as q from "./warehouse-queries.ts";

export type { PassStep } from "./load-pass.ts";

export interface EtlDeps {
  s3: S3Client;
  bucket: string;
  warehouse: pg.Pool;
  /** Objects one pass (one transaction) takes at most: bounds a pass's memory and its transaction. */
  maxObjectsPerPass?: number;
  /** Gzipped bytes one pass takes at most (one bigger object still goes alone): bounds its memory when objects are big. */
  maxBytesPerPass?: number;
  /** A run starts no new pass after this long (the Lambda's timeout less a margin); at least one pass always runs. */
  timeBudgetMs?: number;
  log?: (message: string, fields?: Record<string, unknown>) => void;
  /** The shop's database, read-only (warehouse_order_totals only): reconciles orders and revenue. */
  shop?: pg.Pool;
  /** Called as each pass reaches a step, and as the run starts on its aggregates: a seam to trace a run, or to kill one there in a test. */
  onStep?: (step: PassStep | "aggregating") => Promise<void>;
}

export interface EtlOptions {
  /**
   * Load every object of the raw partitions received from `from` to `to` (hours, inclusive) that
   * is not in the manifest yet, whatever the look-back; nothing else. Objects already loaded stay
   * as they are, so a backfill gives the same exactly-once result as the runs that missed them.
   */
  backfill?: { from: Date; to: Date } | undefined;
  /** List the whole lake against the manifest: "daily" (the default) when no run did in the last day. */
  reconcile?: "daily" | "now" | "never";
  /** Run the data checks (etl/model/checks) over the days the run rebuilt. Default true. */
  checks?: boolean;
}

export interface EtlResult {
  status: "succeeded" | "skipped";
  runId: number | null;
  passes: number;
  objectsLoaded: number;
  objectsQuarantined: number;
  /** Objects a GET failed for: left for a later run (quarantined after a few failures). */
  objectsDeferred: number;
  eventsLoaded: number;
  duplicates: number;
  rejected: number;
  /** True when new objects were still waiting when the run stopped (its time budget ran out). */
  backlog: boolean;
  /** The oldest of them (its lag is the ETL's: etl/lag-metric.ts), null when none waited. */
  oldestWaitingKey: string | null;
  /** Whether this run listed the whole lake (or the backfill's range) against the manifest. */
  reconciled: boolean;
  /** Data checks with failing rows, by severity. */
  checksFailed: string[];
  checksWarned: string[];
}

const DEFAULT_OBJECTS_PER_PASS = 500;
/** About 15,000 events (~135 B each, gzipped in big objects): a pass then stays near 200 MB (bench/etl-vs-copy.bench.ts). */
const DEFAULT_BYTES_PER_PASS = 2 * 1024 * 1024;
const DEFAULT_TIME_BUDGET_MS = 10 * 60_000;
const HOUR_MS = 3_600_000;

/**
 * One ETL run: passes of at most maxObjectsPerPass new objects, each read, validated, staged
 * with COPY and merged into the model in ONE transaction together with its manifest rows, until
 * nothing new is left or the time budget is spent. A failure rolls its pass back, so the
 * warehouse is as before that pass and the next run does the rest; an object is never loaded
 * twice. An advisory lock makes an overlapping run exit with status "skipped"; the session's
 * timeouts end a backend whose client died, so the lock dies with its holder.
 */
export async function runEtl(deps: EtlDeps, options: EtlOptions = {}): Promise<EtlResult> {
  const { warehouse } = deps;
  const log = deps.log ?? (() => {});
  const session = await warehouse.connect();
  // A checked-out client has no pool listener: a connection that dies mid-run (a restart, a
  // failover, a killed backend) must fail this run through its query, not crash the process.
  const connectionLost = (error: Error) => log("warehouse connection lost during the run", { error: error.message });
  session.on("error", connectionLost);
  // A connection whose unlock failed may still hold the lock: it must not go back to the pool.
  let reusable = true;
  const result: EtlResult = {
    status: "skipped", runId: null, passes: 0, objectsLoaded: 0, objectsQuarantined: 0, objectsDeferred: 0, eventsLoaded: 0,
    duplicates: 0, rejected: 0, backlog: false, oldestWaitingKey: null, reconciled: false, checksFailed: [], checksWarned: [],
  };
  const finish = (status: string, error: string | null) =>
    session.query(q.FINISH_RUN, [
      result.runId, status, result.objectsLoaded, result.objectsQuarantined, result.eventsLoaded, result.duplicates, result.rejected, error,
      result.passes, result.backlog, result.checksFailed.length, result.checksWarned.length, result.reconciled,
    ]);
  try {
    await session.query(q.SESSION_TIMEOUTS);
    const lock = await session.query<{ locked: boolean }>(q.TRY_LOCK, [q.ETL_LOCK_KEY]);
    if (!lock.rows[0]?.locked) {
      log("another ETL run holds the lock; exiting");
      return result;
    }
    try {
      const abandoned = await session.query<{ run_id: string }>(q.ABANDON_DEAD_RUNS);
      if (abandoned.rows.length > 0) log("marked runs that died as abandoned", { runIds: abandoned.rows.map((row) => Number(row.run_id)) });
      result.runId = Number((await session.query<{ run_id: string }>(q.START_RUN)).rows[0]?.run_id);
      result.status = "succeeded";
      await load(session, result, deps, options);
      // Once per run, not per pass: a pass's days are marked, and rebuilt here (with any a
      // run that died left marked).
      await deps.onStep?.("aggregating");
      const { days, stepMs } = await refreshDirtyAggregates(session);
      if (days.length > 0) log("aggregates rebuilt", { days: days.length, stepMs });
      // Before the checks, which compare them with the warehouse's orders.
      if (deps.shop) await reconcileShop(deps.shop, session, days, log);
      if (options.checks !== false && days.length > 0) await check(session, result, days, log);
      await finish("succeeded", null);
      log("run finished", { ...result });
      return result;
    } catch (error) {
      await session.query("ROLLBACK").catch(() => {});
      // What earlier passes committed stays loaded and counted.
      if (result.runId !== null) await finish("failed", String(error)).catch(() => {});
      throw error;
    } finally {
      await session.query(q.UNLOCK, [q.ETL_LOCK_KEY]).catch(() => {
        reusable = false;
      });
    }
  } finally {
    // A dead connection can still report its end after the release: keep listening to it then.
    if (reusable) session.off("error", connectionLost);
    session.release(!reusable);
  }
}

/** The run's passes. */
async function load(session: pg.PoolClient, result: EtlResult, deps: EtlDeps, options: EtlOptions): Promise<void> {
  const startedAt = performance.now();
  const budget = deps.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const batchSize = deps.maxObjectsPerPass ?? DEFAULT_OBJECTS_PER_PASS;
  const batchBytes = deps.maxBytesPerPass ?? DEFAULT_BYTES_PER_PASS;
  // Objects a GET failed for in this run: tried once per run, so each failure counts one run.
  const deferred = new Set<string>();
  const log = deps.log ?? (() => {});

  /** Loads the batches until they end (true) or the time budget is spent (false). */
  const work = async (batches: AsyncGenerator<string[]>): Promise<boolean> => {
    // The next pass's objects are read while this one merges: S3 and PostgreSQL work at once.
    let current = await batches.next();
    let reading = current.done ? undefined : readPassObjects(deps, current.value);
    while (!current.done && reading) {
      const reads = await reading;
      const next = await batches.next();
      reading = next.done ? undefined : readPassObjects(deps, next.value);
      const outcome = await loadPass(session, result.runId!, reads, deps.onStep);
      result.passes += 1;
      result.objectsLoaded += outcome.objectsLoaded;
      result.objectsQuarantined += outcome.objectsQuarantined;
      result.objectsDeferred += outcome.deferred.length;
      for (const key of outcome.deferred) deferred.add(key);
      result.eventsLoaded += outcome.eventsLoaded;
      result.duplicates += outcome.duplicates;
      result.rejected += outcome.rejected;
      log("pass committed", { objects: reads.length, stepMs: outcome.stepMs });
      if (!next.done && performance.now() - startedAt >= budget) {
        result.backlog = true;
        result.oldestWaitingKey = next.value[0] ?? null;
        await batches.return(undefined);
        return false;
      }
      current = next;
    }
    return true;
  };
  const sweep = async (startAfter: string | undefined, stopBefore: string | undefined) => {
    const counts: DayCounts = new Map();
    if (!(await work(pendingObjectBatches(session, deps, { startAfter, stopBefore, batchSize, batchBytes, counts, skip: deferred })))) return;
    const rows = [...counts].map(([day, { listed, missing }]) => ({ day, objects_listed: listed, objects_missing: missing }));
    await session.query(q.RECORD_RECONCILIATION, [result.runId, JSON.stringify(rows)]);
    result.reconciled = true;
    const missed = rows.filter((row) => row.objects_missing > 0);
    if (missed.length > 0) log("listing the lake found objects the look-back had missed; loaded them", { days: missed });
  };

  if (options.backfill) {
    const { from, to } = options.backfill;
    await sweep(partitionPrefix("raw", from), partitionPrefix("raw", new Date(to.getTime() + HOUR_MS)));
    return;
  }
  const newest = await session.query<{ object_key: string | null }>(q.NEWEST_LOADED_OBJECT);
  // From a few partitions before the newest loaded one: objects written late to a recent hour.
  const caughtUp = await work(pendingObjectBatches(session, deps, { startAfter: listingStart(newest.rows[0]?.object_key ?? null), batchSize, batchBytes }));
  const reconcile = options.reconcile ?? "daily";
  if (caughtUp && reconcile !== "never") {
    const due = reconcile === "now" || !(await session.query<{ recent: boolean }>(q.RECONCILED_RECENTLY)).rows[0]?.recent;
    if (due) await sweep(undefined, undefined);
  }
}

/** A shop that cannot be read leaves the reconciliation stale (its view says when it was fetched), never the run failed. */
async function reconcileShop(shop: pg.Pool, session: pg.PoolClient, days: string[], log: NonNullable<EtlDeps["log"]>): Promise<void> {
  try {
    await refreshShopTotals(shop, session, days);
  } catch (error) {
    log("could not read the shop's order totals; reconciliation left as it was", { error: error instanceof Error ? error.message : String(error) });
  }
}

async function check(session: pg.PoolClient, result: EtlResult, days: string[], log: NonNullable<EtlDeps["log"]>): Promise<void> {
  const checks = await runDataChecks(session, days);
  await session.query(q.RECORD_DATA_CHECKS, [
    result.runId, JSON.stringify(checks.map((c) => ({ check_name: c.name, severity: c.severity, failures: c.failures, sample: c.sample }))),
  ]);
  const failing = checks.filter((c) => c.failures > 0);
  result.checksFailed = failing.filter((c) => c.severity === "error").map((c) => c.name);
  result.checksWarned = failing.filter((c) => c.severity === "warn").map((c) => c.name);
  if (result.checksFailed.length > 0) log("data checks failed", { checks: failing.filter((c) => c.severity === "error") });
}
