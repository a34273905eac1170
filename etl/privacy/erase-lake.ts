import pMap from "p-map";
import type pg from "pg";
import { isErasedLine, withoutLines, type ErasedLines } from "./lake-lines.ts";
import { deleteLakeObject, putLakeLines, readLakeText } from "./lake-objects.ts";
import { keepsOldVersions, purgeOldVersions, type BucketVersioning } from "./lake-versions.ts";
import type { PrivacyDeps } from "./privacy-deps.ts";
import * as q from "./privacy-queries.ts";
import type { Counts } from "./privacy-queries.ts";
import type { Subject } from "./subject.ts";

export type ObjectOutcome = "unchanged" | "rewritten" | "deleted" | "missing" | "unreadable";

/**
 * Rewrites one lake object without the erased person's lines (same key and format); deletes it
 * when nothing is left. In a versioned bucket the older versions, which still hold the lines,
 * are deleted too, whatever the current version's outcome (a run that stopped between the two
 * steps leaves an unchanged object with old versions).
 */
export async function eraseFromObject(
  deps: PrivacyDeps,
  key: string,
  erased: ErasedLines,
  versioning: BucketVersioning,
): Promise<{ outcome: ObjectOutcome; removed: number; versionsDeleted: number }> {
  const object = await readLakeText(deps.s3, deps.bucket, key);
  let outcome: ObjectOutcome = object.kind === "text" ? "unchanged" : object.kind;
  let removed = 0;
  if (object.kind === "text") {
    const result = withoutLines(object.text, (line) => isErasedLine(line, erased));
    removed = result.removed;
    if (removed > 0 && result.kept.length === 0) {
      outcome = "deleted";
      if (!keepsOldVersions(versioning)) await deleteLakeObject(deps.s3, deps.bucket, key);
    } else if (removed > 0) {
      outcome = "rewritten";
      await putLakeLines(deps.s3, deps.bucket, key, result.kept);
    }
  }
  const keepCurrent = outcome === "unchanged" || outcome === "rewritten" || outcome === "unreadable";
  const versionsDeleted = keepsOldVersions(versioning) ? await purgeOldVersions(deps.s3, deps.bucket, key, keepCurrent) : 0;
  // A deleted object's current version counts as the object (objects_deleted), not as an old version.
  return { outcome, removed, versionsDeleted: outcome === "deleted" ? Math.max(0, versionsDeleted - 1) : versionsDeleted };
}

/** Objects read at once: keeps the scan short without flooding the endpoint. */
const CONCURRENCY = 8;

/**
 * The lake half of an erasure: every object listed for this person and not yet done (by this
 * run or an earlier one that stopped), each marked done once rewritten, so a rerun resumes.
 */
export async function eraseFromLake(
  session: pg.PoolClient,
  deps: PrivacyDeps,
  subject: { kind: Subject["kind"]; hash: string },
  erased: ErasedLines,
  versioning: BucketVersioning,
  counts: Counts,
): Promise<{ unreadable: number }> {
  const pending = (await session.query<{ object_key: string }>(q.UNFINISHED_OBJECTS, [subject.kind, subject.hash])).rows.map((row) => row.object_key);
  let unreadable = 0;
  await pMap(
    pending,
    async (key) => {
      const result = await eraseFromObject(deps, key, erased, versioning);
      counts.objects_scanned += 1;
      counts.lines_removed += result.removed;
      counts.versions_deleted += result.versionsDeleted;
      if (result.outcome === "rewritten") counts.objects_rewritten += 1;
      if (result.outcome === "deleted") counts.objects_deleted += 1;
      if (result.outcome === "unreadable") unreadable += 1;
      await session.query(q.OBJECT_DONE, [subject.kind, subject.hash, key]);
    },
    { concurrency: CONCURRENCY },
  );
  return { unreadable };
}
