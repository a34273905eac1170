import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import type pg from "pg";
import { listRawObjects, listingStart } from "./list-raw-objects.ts";
import { parseRawObject, type FactEventRow, type ParsedObject } from "./parse-raw-object.ts";
import * as q from "./warehouse-queries.ts";

export interface EtlDeps {
  s3: S3Client;
  bucket: string;
  warehouse: pg.Pool;
  /** Caps the objects one run takes, so a backlog is worked off in bounded runs. */
  maxObjectsPerRun?: number;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

export interface EtlResult {
  status: "succeeded" | "skipped";
  runId: number | null;
  objectsLoaded: number;
  objectsQuarantined: number;
  eventsLoaded: number;
  duplicates: number;
  rejected: number;
  /** True when more new objects were waiting than this run took. */
  backlog: boolean;
}

const INSERT_CHUNK = 1_000;
/** Objects fetched from S3 at once; keeps a run's reads short without flooding the endpoint. */
const READ_CONCURRENCY = 8;

async function readObject(s3: S3Client, bucket: string, key: string): Promise<Uint8Array> {
  const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!response.Body) throw new Error(`object ${key} has no body`);
  return response.Body.transformToByteArray();
}

function* chunks<T>(items: readonly T[], size: number): Generator<readonly T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Inserts rows of many objects in a few statements; returns how many were new, per object. */
async function insertEvents(client: pg.PoolClient, rows: readonly FactEventRow[]): Promise<Map<string, number>> {
  const inserted = new Map<string, number>();
  for (const chunk of chunks(rows, INSERT_CHUNK)) {
    const result = await client.query<{ object_key: string }>(q.INSERT_EVENTS, [JSON.stringify(chunk)]);
    for (const { object_key } of result.rows) inserted.set(object_key, (inserted.get(object_key) ?? 0) + 1);
  }
  return inserted;
}

/**
 * One ETL pass: lists raw objects not yet in the manifest, reads and validates them, and loads
 * them in ONE transaction together with their manifest rows. A failure anywhere rolls all of it
 * back, so the warehouse is as before and the next run does the whole job; an object is never
 * loaded twice. An advisory lock makes an overlapping run exit with status "skipped".
 */
export async function runEtl(deps: EtlDeps): Promise<EtlResult> {
  const { warehouse } = deps;
  const log = deps.log ?? (() => {});
  const maxObjects = deps.maxObjectsPerRun ?? 500;
  const session = await warehouse.connect();
  // A checked-out client has no pool listener: a connection that dies mid-run (a restart, a
  // failover, a killed backend) must fail this run through its query, not crash the process.
  const connectionLost = (error: Error) => log("warehouse connection lost during the run", { error: error.message });
  session.on("error", connectionLost);
  // A connection whose unlock failed may still hold the lock: it must not go back to the pool.
  let reusable = true;
  const skipped: EtlResult = {
    status: "skipped", runId: null, objectsLoaded: 0, objectsQuarantined: 0, eventsLoaded: 0, duplicates: 0, rejected: 0, backlog: false,
  };
  try {
    const lock = await session.query<{ locked: boolean }>(q.TRY_LOCK, [q.ETL_LOCK_KEY]);
    if (!lock.rows[0]?.locked) {
      log("another ETL run holds the lock; exiting");
      return skipped;
    }
    const abandoned = await session.query<{ run_id: string }>(q.ABANDON_DEAD_RUNS);
    if (abandoned.rows.length > 0) log("marked runs that died as abandoned", { runIds: abandoned.rows.map((row) => Number(row.run_id)) });
    const runId = Number((await session.query<{ run_id: string }>(q.START_RUN)).rows[0]?.run_id);
    try {
      const result = await loadNewObjects(session, runId, deps, maxObjects);
      await session.query(q.FINISH_RUN, [
        runId, "succeeded", result.objectsLoaded, result.objectsQuarantined, result.eventsLoaded, result.duplicates, result.rejected, null,
      ]);
      log("run finished", { ...result });
      return result;
    } catch (error) {
      await session.query("ROLLBACK").catch(() => {});
      await session.query(q.FINISH_RUN, [runId, "failed", 0, 0, 0, 0, 0, String(error)]).catch(() => {});
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

async function loadNewObjects(session: pg.PoolClient, runId: number, deps: EtlDeps, maxObjects: number): Promise<EtlResult> {
  const newest = await session.query<{ object_key: string | null }>(q.NEWEST_LOADED_OBJECT);
  const listed = await listRawObjects(deps.s3, deps.bucket, listingStart(newest.rows[0]?.object_key ?? null));
  const known = new Set(
    (await session.query<{ object_key: string }>(q.KNOWN_OBJECTS, [listed])).rows.map((row) => row.object_key),
  );
  const pending = listed.filter((key) => !known.has(key));
  const batch = pending.slice(0, maxObjects);

  const parsed: Array<{ key: string; object: ParsedObject }> = [];
  for (const keys of chunks(batch, READ_CONCURRENCY)) {
    const read = keys.map(async (key) => ({ key, object: parseRawObject(key, await readObject(deps.s3, deps.bucket, key)) }));
    parsed.push(...(await Promise.all(read)));
  }

  const result: EtlResult = {
    status: "succeeded", runId, objectsLoaded: 0, objectsQuarantined: 0, eventsLoaded: 0, duplicates: 0, rejected: 0,
    backlog: pending.length > batch.length,
  };
  const loaded = parsed.flatMap(({ object }) => (object.kind === "events" ? [object] : []));
  const rows = loaded.flatMap((object) => object.rows);
  const touchedProducts = [
    ...new Set(rows.flatMap((row) => (row.event_name === "product_updated" && row.trusted && row.product_id ? [row.product_id] : []))),
  ];

  // Statements per run, not per object: a run of many small objects stays a few round trips.
  await session.query("BEGIN");
  const inserted = await insertEvents(session, rows);
  for (const chunk of chunks(loaded.flatMap((object) => object.rejected), INSERT_CHUNK)) {
    await session.query(q.INSERT_REJECTED_LINES, [JSON.stringify(chunk)]);
  }
  const manifest = parsed.map(({ key, object }) => {
    if (object.kind === "corrupt") {
      return { object_key: key, status: "quarantined", events_loaded: 0, duplicates: 0, rejected: 0, error: object.reason };
    }
    const fresh = inserted.get(key) ?? 0;
    return { object_key: key, status: "loaded", events_loaded: fresh, duplicates: object.rows.length - fresh, rejected: object.rejected.length, error: null };
  });
  for (const chunk of chunks(manifest, INSERT_CHUNK)) {
    await session.query(q.RECORD_OBJECTS, [runId, JSON.stringify(chunk)]);
  }
  if (touchedProducts.length > 0) await session.query(q.REFRESH_PRODUCTS, [touchedProducts]);
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
  await session.query("COMMIT");
  return result;
}
