import type { S3Client } from "@aws-sdk/client-s3";
import type { LakeArea } from "../../lib/lake/keys.ts";
import { listKeyPages } from "./lake-objects.ts";
import { deleteObjects, keepsOldVersions, versionPages, type BucketVersioning } from "./lake-versions.ts";

const AREAS: readonly LakeArea[] = ["raw", "rejected"];

/**
 * Keys sort by partition day (lib/lake/keys.ts), so an area's keys before the cutoff are those
 * listed under `<area>/dt=` before the first partition of the cutoff's day: a listing stops there.
 */
const firstKept = (area: LakeArea, cutoff: string) => `${area}/dt=${cutoff}/`;

/** An area's keys of partitions before the cutoff, a listing page at a time. */
async function* keyPagesBefore(s3: S3Client, bucket: string, area: LakeArea, cutoff: string): AsyncGenerator<string[]> {
  for await (const page of listKeyPages(s3, bucket, `${area}/dt=`)) {
    const old = page.filter((key) => key < firstKept(area, cutoff));
    if (old.length > 0) yield old;
    if (old.length < page.length) return;
  }
}

/**
 * Deletes the lake's partitions of days before the cutoff, both areas, page by page: every
 * object, and in a versioned bucket every version and delete marker, so nothing of them is left.
 */
export async function deleteLakeBefore(
  s3: S3Client,
  bucket: string,
  cutoff: string,
  versioning: BucketVersioning,
): Promise<{ objectsDeleted: number; versionsDeleted: number }> {
  let objectsDeleted = 0;
  let versionsDeleted = 0;
  for (const area of AREAS) {
    if (keepsOldVersions(versioning)) {
      for await (const page of versionPages(s3, bucket, `${area}/dt=`)) {
        const old = page.filter((entry) => entry.key < firstKept(area, cutoff));
        await deleteObjects(s3, bucket, old.map((entry) => ({ Key: entry.key, VersionId: entry.versionId })));
        const current = old.filter((entry) => entry.isLatest && !entry.deleteMarker).length;
        objectsDeleted += current;
        versionsDeleted += old.length - current;
        if (old.length < page.length) break;
      }
    } else {
      for await (const page of keyPagesBefore(s3, bucket, area, cutoff)) {
        objectsDeleted += await deleteObjects(s3, bucket, page.map((key) => ({ Key: key })));
      }
    }
  }
  return { objectsDeleted, versionsDeleted };
}

/** raw/ objects still in partitions before the cutoff (none once deleteLakeBefore succeeded). */
export async function rawKeysBefore(s3: S3Client, bucket: string, cutoff: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const page of keyPagesBefore(s3, bucket, "raw", cutoff)) keys.push(...page);
  return keys;
}
