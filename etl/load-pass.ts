import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import pMap from "p-map";
import type pg from "pg";
import { createStageTables, mergeStage } from "./model/refresh-model.ts";
import { stageRows } from "./model/stage-rows.ts";
import { parseRawObject, type ParsedObject } from "./parse-raw-object.ts";
import * as q from "./warehouse-queries.ts";

/** Failed GETs of one object, in as many runs, before it is quarantined instead of retried. */
export const MAX_READ_FAILURES = 3;
const INSERT_CHUNK = 1_000;
/**
 * Objects fetched from S3 at once. A GET is mostly waiting (tens of ms on S3), and a pass of
 * small objects (one per tracker request) is bound by them.
 */
const READ_CONCURRENCY = 16;

/** Where a pass is: its objects read; rows streaming into staging; merged; about to commit. */
export type PassStep = "read" | "copying" | "merged" | "committing";

export interface PassOutcome {
  objectsLoaded: number;
  objectsQuarantined: number;
  /** Objects a GET failed for this time: not in the manifest, so a later run tries again. */
  deferred: string[];
  eventsLoaded: number;
  duplicates: number;
  rejected: number;
  stepMs: Record<string, number>;
}

export type Read = { key: string; object: ParsedObject } | { key: string; readError: string };

async function readObject(s3: S3Client, bucket: string, key: string): Promise<Read> {
  try {
    const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!response.Body) throw new Error("the object has no body");
    return { key, object: parseRawObject(key, await response.Body.transformToByteArray()) };
  } catch (error) {
    return { key, readError: error instanceof Error ? error.message : String(error) };
  }
}

function* chunks<T>(items: readonly T[], size: number): Generator<readonly T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** The first day of each month the rows' event days fall in (the UTC day of derived_at). */
function eventMonths(rows: ReadonlyArray<{ derived_at: string }>): string[] {
  const months = new Set<string>();
  for (const row of rows) months.add(`${new Date(row.derived_at).toISOString().slice(0, 7)}-01`);
  return [...months];
}

/** Reads and parses a pass's objects, READ_CONCURRENCY GETs at a time; a failed GET is a Read with its error. */
export function readPassObjects(lake: { s3: S3Client; bucket: string }, keys: readonly string[]): Promise<Read[]> {
  return pMap(keys, (key) => readObject(lake.s3, lake.bucket, key), { concurrency: READ_CONCURRENCY });
}

/**
 * One pass over objects already read: in ONE transaction stages their rows with COPY, merges
 * them into the model and records them in the manifest. An object that could not be read is
 * counted in etl_object_failure and left for a later run, until it has failed MAX_READ_FAILURES
 * times.
 */
export async function loadPass(
  session: pg.PoolClient,
  runId: number,
  reads: readonly Read[],
  onStep: (step: PassStep) => Promise<void> = async () => {},
): Promise<PassOutcome> {
  const parsed = reads.flatMap((read) => ("object" in read ? [read] : []));
  const unreadable = reads.flatMap((read) => ("readError" in read ? [{ object_key: read.key, error: read.readError }] : []));
  const loaded = parsed.flatMap(({ object }) => (object.kind === "events" ? [object] : []));
  const rows = loaded.flatMap((object) => object.rows);
  await onStep("read");

  await session.query(q.ENSURE_EVENT_MONTHS, [eventMonths(rows)]);
  // Statements per pass, not per object: a pass of many small objects stays a few round trips.
  await session.query("BEGIN");
  await createStageTables(session);
  await stageRows(session, rows, () => onStep("copying"));
  const { newEvents, stepMs } = await mergeStage(session);
  await onStep("merged");
  for (const chunk of chunks(loaded.flatMap((object) => object.rejected), INSERT_CHUNK)) {
    await session.query(q.INSERT_REJECTED_LINES, [JSON.stringify(chunk)]);
  }
  const givenUp = new Map<string, string>();
  if (unreadable.length > 0) {
    const counted = await session.query<{ object_key: string; failures: number; last_error: string }>(q.COUNT_READ_FAILURES, [runId, JSON.stringify(unreadable)]);
    for (const row of counted.rows) {
      if (row.failures >= MAX_READ_FAILURES) givenUp.set(row.object_key, `could not be read in ${row.failures} runs; last error: ${row.last_error}`);
    }
  }
  const manifest = [
    ...parsed.map(({ key, object }) => {
      if (object.kind === "corrupt") {
        return { object_key: key, status: "quarantined", events_loaded: 0, duplicates: 0, rejected: 0, error: object.reason };
      }
      const fresh = newEvents.get(key) ?? 0;
      return { object_key: key, status: "loaded", events_loaded: fresh, duplicates: object.rows.length - fresh, rejected: object.rejected.length, error: null };
    }),
    ...[...givenUp].map(([key, reason]) => ({ object_key: key, status: "quarantined", events_loaded: 0, duplicates: 0, rejected: 0, error: reason })),
  ];
  for (const chunk of chunks(manifest, INSERT_CHUNK)) {
    await session.query(q.RECORD_OBJECTS, [runId, JSON.stringify(chunk)]);
  }
  await onStep("committing");
  await session.query("COMMIT");

  const outcome: PassOutcome = {
    objectsLoaded: 0, objectsQuarantined: 0, deferred: unreadable.map((u) => u.object_key).filter((key) => !givenUp.has(key)), eventsLoaded: 0, duplicates: 0, rejected: 0, stepMs,
  };
  for (const entry of manifest) {
    if (entry.status === "quarantined") {
      outcome.objectsQuarantined += 1;
      continue;
    }
    outcome.objectsLoaded += 1;
    outcome.eventsLoaded += entry.events_loaded;
    outcome.duplicates += entry.duplicates;
    outcome.rejected += entry.rejected;
  }
  return outcome;
}
