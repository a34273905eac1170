import type pg from "pg";
import { eraseFromLake } from "./erase-lake.ts";
import { objectsToScan, personIds, unloadedRawKeys } from "./erase-targets.ts";
import { eraseFromWarehouse, jsonNeedles } from "./erase-warehouse.ts";
import { EtlBusyError, withEtlLock } from "./etl-lock.ts";
import type { ErasedLines } from "./lake-lines.ts";
import { bucketVersioning, type BucketVersioning } from "./lake-versions.ts";
import { DEFAULT_LOCK_WAIT_MS, type PrivacyDeps } from "./privacy-deps.ts";
import { finishAction, logRefusal, startAction, zeroCounts, type ActionHeader } from "./privacy-log.ts";
import * as q from "./privacy-queries.ts";
import type { Counts } from "./privacy-queries.ts";
import { allIds, idHash, type Subject, type SubjectIds } from "./subject.ts";

export interface EraseResult {
  actionId: number;
  counts: Counts;
  /** Anonymous visitors erased with a user (seen signed in as them). */
  linkedVisitors: number;
  versioning: BucketVersioning;
  /** Lake objects that could not be read (not gzip): left as they are. */
  unreadableObjects: number;
}

/**
 * Erases a person (`npm run erase`): under the ETL's lock, first the warehouse in one
 * transaction (etl/privacy/erase-warehouse.ts), then every lake object holding their lines
 * (erase-lake.ts). Logged in privacy_action by the hash of their id. Running it again is
 * harmless: it finishes what a failed run left and otherwise finds nothing.
 */
export async function erase(deps: PrivacyDeps, subject: Subject): Promise<EraseResult> {
  const header: ActionHeader = { action: "erase", subjectKind: subject.kind, subjectHash: idHash(subject.id) };
  try {
    return await withEtlLock(deps.warehouse, deps.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS, (session) => eraseLocked(session, deps, subject, header));
  } catch (error) {
    if (error instanceof EtlBusyError) await logRefusal(deps.warehouse, header, error.message);
    throw error;
  }
}

async function eraseLocked(session: pg.PoolClient, deps: PrivacyDeps, subject: Subject, header: ActionHeader): Promise<EraseResult> {
  const log = deps.log ?? (() => {});
  const hash = idHash(subject.id);
  const actionId = await startAction(session, header);
  const counts = zeroCounts();
  const parameters: Record<string, unknown> = {};
  let ids: SubjectIds = subject.kind === "user" ? { users: [subject.id], anonymous: [] } : { users: [], anonymous: [subject.id] };
  try {
    // Before anything changes: a bucket whose versioning cannot be read could keep old copies.
    const versioning = await bucketVersioning(deps.s3, deps.bucket);
    parameters["lake_versioning"] = versioning;
    const unloaded = await unloadedRawKeys(session, deps);
    ids = await personIds(session, deps, subject, unloaded);
    const linkedVisitors = subject.kind === "user" ? ids.anonymous.length : 0;
    parameters["linked_visitors"] = linkedVisitors;
    const scan = await objectsToScan(session, deps, ids, unloaded);
    await eraseFromWarehouse(session, actionId, ids, scan, counts);
    log("erasure: warehouse committed", { actionId, ...counts });

    const { unreadable } = await eraseFromLake(session, deps, { kind: subject.kind, hash }, await erasedLines(session, subject, ids), versioning, counts);
    parameters["objects_unreadable"] = unreadable;
    await finishAction(session, actionId, { status: "succeeded", counts, parameters });
    log("erasure finished", { actionId, ...counts });
    return { actionId, counts, linkedVisitors, versioning, unreadableObjects: unreadable };
  } catch (error) {
    await session.query("ROLLBACK").catch(() => {});
    const message = redact(error instanceof Error ? error.message : String(error), allIds(ids));
    await finishAction(session, actionId, { status: "failed", error: message, counts, parameters }).catch(() => {});
    throw error;
  }
}

/** This run's ids, and those an earlier erasure of the same person suppressed (only hashes remain of them). */
async function erasedLines(session: pg.PoolClient, subject: Subject, ids: SubjectIds): Promise<ErasedLines> {
  const earlier = (await session.query<{ id_kind: string; id_hash: string }>(q.SUBJECT_HASHES, [subject.kind, idHash(subject.id)])).rows;
  return {
    userHashes: new Set([...ids.users.map(idHash), ...earlier.filter((row) => row.id_kind === "user").map((row) => row.id_hash)]),
    anonymousHashes: new Set([...ids.anonymous.map(idHash), ...earlier.filter((row) => row.id_kind === "anonymous").map((row) => row.id_hash)]),
    needles: jsonNeedles(ids),
  };
}

/** The log keeps no id of the person, not even inside an error message. */
function redact(message: string, ids: readonly string[]): string {
  return ids.reduce((text, id) => text.split(id).join("[erased id]"), message);
}
