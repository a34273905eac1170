import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import type pg from "pg";
import { listingStart, listRawKeyPages } from "./list-raw-objects.ts";
import { createStageTables, mergeStage } from "./model/refresh-model.ts";
import { stageRows } from "./model/stage-rows.ts";
import { parseRawObject, type ParsedObject } from "./parse-raw-object.ts";
import * as q from "./warehouse-queries.ts";

export interface EtlDeps {
  s3: S3Client;
  bucket: string;
  warehouse: pg.Pool;
  /** Objects one pass (one transaction) takes at most: bounds a pass's memory and its transaction. */
  maxObjectsPerPass?: number;
  /** A run starts no new pass after this long (the Lambda's timeout less a margin); at least one pass always runs. */
  timeBudgetMs?: number;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

export interface EtlResult {
  status: "succeeded" | "skipped";
  runId: number | null;
  passes: number;
  objectsLoaded: number;
  objectsQuarantined: number;
  eventsLoaded: number;
  duplicates: number;
  rejected: number;
  /** True when new objects were still waiting when the run stopped (its time budget ran out). */
  backlog: boolean;
}

const DEFAULT_OBJECTS_PER_PASS = 500;
const DEFAULT_TIME_BUDGET_MS = 10 * 60_000;
const INSERT_CHUNK = 1_000;
/** Objects fetched from S3 at once; keeps a pass's reads short without flooding the endpoint. */
const READ_CONCURRENCY = 8;

async function readObject(s3: S3Client, bucket: string, key: string): Promise<Uint8Array> {
  const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!response.Body) throw new Error(`object ${key} has no body`);
  return response.Body.transformToByteArray();
}

/** The first day of each month the rows' event days fall in (the UTC day of derived_at). */
function eventMonths(rows: ReadonlyArray<{ derived_at: string }>): string[] {
  const months = new Set<string>();
  for (const row of rows) months.add(`${new Date(row.derived_at).toISOString().slice(0, 7)}-01`);
  return [...months];
}

function* chunks<T>(items: readonly T[], size: number): Generator<readonly T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * One ETL run: passes of at most maxObjectsPerPass new objects, each read, validated, staged
 * with COPY and merged into the model in ONE transaction together with its manifest rows, until
 * nothing new is left or the time budget is spent. A failure rolls its pass back, so the
 * warehouse is as before that pass and the next run does the rest; an object is never loaded
 * twice. An advisory lock makes an overlapping run exit with status "skipped"; the session's
 * timeouts end a backend whose client died, so the lock dies with its holder.
 */
export async function runEtl(deps: EtlDeps): Promise<EtlResult> {
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
    status: "skipped", runId: null, passes: 0, objectsLoaded: 0, objectsQuarantined: 0, eventsLoaded: 0, duplicates: 0, rejected: 0, backlog: false,
  };
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
      await loadPasses(session, result, deps);
      await session.query(q.FINISH_RUN, [
        result.runId, "succeeded", result.objectsLoaded, result.objectsQuarantined, result.eventsLoaded, result.duplicates, result.rejected, null,
      ]);
      log("run finished", { ...result });
      return result;
    } catch (error) {
      await session.query("ROLLBACK").catch(() => {});
      if (result.runId !== null) {
        // What earlier passes committed stays loaded and counted.
        await session
          .query(q.FINISH_RUN, [
            result.runId, "failed", result.objectsLoaded, result.objectsQuarantined, result.eventsLoaded, result.duplicates, result.rejected, String(error),
          ])
          .catch(() => {});
      }
      throw error;
    } finally {
      await session.query(q.UNLOCK, [q.ETL_LOCK_KEY]).catch(() => {
        reusable = false;
      });
    }
  } finally {
    session.off("error", connectionLost);
    session.release(!reusable);
  }
}

async function loadPasses(session: pg.PoolClient, result: EtlResult, deps: EtlDeps): Promise<void> {
  const startedAt = performance.now();
  const budget = deps.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const perPass = deps.maxObjectsPerPass ?? DEFAULT_OBJECTS_PER_PASS;
  const newest = await session.query<{ object_key: string | null }>(q.NEWEST_LOADED_OBJECT);
  // The first pass looks back a few partitions for objects written late; later passes go on
  // from where the previous one stopped listing.
  let cursor = listingStart(newest.rows[0]?.object_key ?? null);
  for (;;) {
    const { keys, next, more } = await pendingKeys(session, deps, cursor, perPass);
    if (keys.length === 0) return;
    await loadPass(session, result, deps, keys);
    result.passes += 1;
    cursor = next;
    if (!more) return;
    if (performance.now() - startedAt >= budget) {
      result.backlog = true;
      return;
    }
  }
}

/**
 * Up to `limit` keys after `startAfter` that are not in the manifest, listing page by page.
 * `next` is where the following pass lists from; `more` says the listing did not end.
 */
async function pendingKeys(
  session: pg.PoolClient,
  deps: EtlDeps,
  startAfter: string | undefined,
  limit: number,
): Promise<{ keys: string[]; next: string | undefined; more: boolean }> {
  const keys: string[] = [];
  for await (const page of listRawKeyPages(deps.s3, deps.bucket, startAfter)) {
    const known = new Set((await session.query<{ object_key: string }>(q.KNOWN_OBJECTS, [page])).rows.map((row) => row.object_key));
    for (const key of page) {
      if (known.has(key)) continue;
      keys.push(key);
      if (keys.length === limit) return { keys, next: key, more: true };
    }
  }
  return { keys, next: keys.at(-1) ?? startAfter, more: false };
}

async function loadPass(session: pg.PoolClient, result: EtlResult, deps: EtlDeps, keys: readonly string[]): Promise<void> {
  const log = deps.log ?? (() => {});
  const parsed: Array<{ key: string; object: ParsedObject }> = [];
  for (const batch of chunks(keys, READ_CONCURRENCY)) {
    const read = batch.map(async (key) => ({ key, object: parseRawObject(key, await readObject(deps.s3, deps.bucket, key)) }));
    parsed.push(...(await Promise.all(read)));
  }
  const loaded = parsed.flatMap(({ object }) => (object.kind === "events" ? [object] : []));

  const rows = loaded.flatMap((object) => object.rows);
  await session.query(q.ENSURE_EVENT_MONTHS, [eventMonths(rows)]);
  // Statements per pass, not per object: a pass of many small objects stays a few round trips.
  await session.query("BEGIN");
  await createStageTables(session);
  await stageRows(session, rows);
  const { newEvents, stepMs } = await mergeStage(session);
  for (const chunk of chunks(loaded.flatMap((object) => object.rejected), INSERT_CHUNK)) {
    await session.query(q.INSERT_REJECTED_LINES, [JSON.stringify(chunk)]);
  }
  const manifest = parsed.map(({ key, object }) => {
    if (object.kind === "corrupt") {
      return { object_key: key, status: "quarantined", events_loaded: 0, duplicates: 0, rejected: 0, error: object.reason };
    }
    const fresh = newEvents.get(key) ?? 0;
    return { object_key: key, status: "loaded", events_loaded: fresh, duplicates: object.rows.length - fresh, rejected: object.rejected.length, error: null };
  });
  for (const chunk of chunks(manifest, INSERT_CHUNK)) {
    await session.query(q.RECORD_OBJECTS, [result.runId, JSON.stringify(chunk)]);
  }
  await session.query("COMMIT");

  for (const entry of manifest) {
    if (entry.status === "quarantined") {
      result.objectsQuarantined += 1;
      continue;
    }
    result.objectsLoaded += 1;
    result.eventsLoaded += entry.events_loaded;
    result.duplicates += entry.duplicates;
    result.rejected += entry.rejected;
  }
  log("pass committed", { objects: keys.length, stepMs });
}
