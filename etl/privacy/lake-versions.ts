import {
  DeleteObjectsCommand,
  GetBucketVersioningCommand,
  ListObjectVersionsCommand,
  S3ServiceException,
  type ObjectIdentifier,
  type S3Client,
} from "@aws-sdk/client-s3";

/**
 * Whether deleting or overwriting a lake object really removes its data: in a versioned bucket
 * (real S3 with versioning on, or once on and then suspended) the older versions still hold it.
 * s3rver implements no versioning at all.
 */
export type BucketVersioning = "enabled" | "suspended" | "never enabled" | "not supported";

export async function bucketVersioning(s3: S3Client, bucket: string): Promise<BucketVersioning> {
  try {
    const { Status } = await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }));
    if (Status === "Enabled") return "enabled";
    if (Status === "Suspended") return "suspended";
    return "never enabled";
  } catch (error) {
    // Any other failure (no permission, say) must stop the job: it could leave data behind.
    if (error instanceof S3ServiceException && error.name === "NotImplemented") return "not supported";
    throw error;
  }
}

export const keepsOldVersions = (versioning: BucketVersioning) => versioning === "enabled" || versioning === "suspended";

/** One entry of a version listing: an object version or a delete marker. */
export interface VersionEntry {
  key: string;
  versionId: string;
  isLatest: boolean;
  deleteMarker: boolean;
}

/**
 * The versions of exactly `key` to delete (a listing by prefix also returns longer keys): every
 * one but the current object when it stays, all of them (delete markers too) when it goes.
 */
export function versionsToDelete(key: string, entries: readonly VersionEntry[], keepCurrent: boolean): ObjectIdentifier[] {
  return entries
    .filter((entry) => entry.key === key && !(keepCurrent && entry.isLatest))
    .map((entry) => ({ Key: entry.key, VersionId: entry.versionId }));
}

/** Object versions and delete markers under a prefix, in key order, a listing page at a time. */
export async function* versionPages(s3: S3Client, bucket: string, prefix: string): AsyncGenerator<VersionEntry[]> {
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  for (;;) {
    const page = await s3.send(
      new ListObjectVersionsCommand({
        Bucket: bucket, Prefix: prefix,
        ...(keyMarker ? { KeyMarker: keyMarker } : {}),
        ...(versionIdMarker ? { VersionIdMarker: versionIdMarker } : {}),
      }),
    );
    const entries: VersionEntry[] = [];
    const found = [...(page.Versions ?? []).map((entry) => ({ entry, deleteMarker: false })), ...(page.DeleteMarkers ?? []).map((entry) => ({ entry, deleteMarker: true }))];
    for (const { entry, deleteMarker } of found) {
      if (entry.Key && entry.VersionId) entries.push({ key: entry.Key, versionId: entry.VersionId, isLatest: entry.IsLatest ?? false, deleteMarker });
    }
    if (entries.length > 0) yield entries;
    if (!page.IsTruncated) return;
    keyMarker = page.NextKeyMarker;
    versionIdMarker = page.NextVersionIdMarker;
  }
}

export async function listVersions(s3: S3Client, bucket: string, prefix: string): Promise<VersionEntry[]> {
  const entries: VersionEntry[] = [];
  for await (const page of versionPages(s3, bucket, prefix)) entries.push(...page);
  return entries;
}

const DELETE_BATCH = 1_000;

/** Deletes objects (or exact versions of them), a thousand a request; fails if any could not go. */
export async function deleteObjects(s3: S3Client, bucket: string, objects: readonly ObjectIdentifier[]): Promise<number> {
  for (let i = 0; i < objects.length; i += DELETE_BATCH) {
    const { Errors } = await s3.send(
      new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects.slice(i, i + DELETE_BATCH), Quiet: true } }),
    );
    const failed = Errors?.[0];
    if (failed) throw new Error(`could not delete ${Errors.length} lake object(s), e.g. ${failed.Key}: ${failed.Code} ${failed.Message}`);
  }
  return objects.length;
}

/**
 * In a versioned bucket, removes the older versions of `key` (all of them, delete markers too,
 * when the object itself is gone). Returns how many it deleted.
 */
export async function purgeOldVersions(s3: S3Client, bucket: string, key: string, keepCurrent: boolean): Promise<number> {
  return deleteObjects(s3, bucket, versionsToDelete(key, await listVersions(s3, bucket, key), keepCurrent));
}
