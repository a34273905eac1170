import { EtlBusyError, withEtlLock } from "./etl-lock.ts";
import { bucketVersioning, type BucketVersioning } from "./lake-versions.ts";
import { DEFAULT_LOCK_WAIT_MS, type PrivacyDeps } from "./privacy-deps.ts";
import { finishAction, logRefusal, startAction, zeroCounts, type ActionHeader } from "./privacy-log.ts";
import type { Counts } from "./privacy-queries.ts";
import { retentionCutoff } from "./retention-cutoff.ts";
import { deleteLakeBefore, rawKeysBefore } from "./retention-lake.ts";
import { forgetDeletedObjects, retainWarehouse } from "./retention-warehouse.ts";

export interface RetentionResult {
  actionId: number;
  /** The first day kept (YYYY-MM-DD). */
  cutoff: string;
  counts: Counts;
  versioning: BucketVersioning;
}

/**
 * Drops everything older than `days` days (`npm run retention`): under the ETL's lock, the
 * warehouse's rows of earlier days in one transaction (retention-warehouse.ts), then the lake's
 * partitions of earlier days, then the manifest rows of the objects that went. Logged in
 * privacy_action; running it again finds nothing more.
 */
export async function applyRetention(deps: PrivacyDeps, days: number): Promise<RetentionResult> {
  const cutoff = retentionCutoff(deps.now?.() ?? new Date(), days);
  const header: ActionHeader = { action: "retention", cutoff, parameters: { days } };
  const log = deps.log ?? (() => {});
  try {
    return await withEtlLock(deps.warehouse, deps.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS, async (session) => {
      const actionId = await startAction(session, header);
      const counts = zeroCounts();
      const parameters: Record<string, unknown> = {};
      try {
        const versioning = await bucketVersioning(deps.s3, deps.bucket);
        parameters["lake_versioning"] = versioning;
        await retainWarehouse(session, cutoff, counts);
        log("retention: warehouse committed", { actionId, cutoff, ...counts });
        const lake = await deleteLakeBefore(deps.s3, deps.bucket, cutoff, versioning);
        counts.objects_deleted += lake.objectsDeleted;
        counts.versions_deleted += lake.versionsDeleted;
        counts.manifest_rows_deleted += await forgetDeletedObjects(session, cutoff, await rawKeysBefore(deps.s3, deps.bucket, cutoff));
        await finishAction(session, actionId, { status: "succeeded", counts, parameters });
        log("retention finished", { actionId, cutoff, ...counts });
        return { actionId, cutoff, counts, versioning };
      } catch (error) {
        await session.query("ROLLBACK").catch(() => {});
        await finishAction(session, actionId, { status: "failed", error: error instanceof Error ? error.message : String(error), counts, parameters }).catch(() => {});
        throw error;
      }
    });
  } catch (error) {
    if (error instanceof EtlBusyError) await logRefusal(deps.warehouse, header, error.message);
    throw error;
  }
}
