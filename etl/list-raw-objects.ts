import { ListObjectsV2Command, type S3Client } from "@aws-sdk/client-s3";
import { partitionOfKey, partitionPrefix } from "../lib/lake/keys.ts";

/** How far before the newest loaded partition a listing starts, to catch objects written late. */
export const LOOKBACK_HOURS = 2;

/**
 * Where a listing of raw/ starts: from the beginning when nothing was loaded yet, otherwise a
 * few partitions before the newest loaded object (keys sort by the hour ingest received them).
 */
export function listingStart(newestLoadedKey: string | null, lookbackHours = LOOKBACK_HOURS): string | undefined {
  const partition = newestLoadedKey ? partitionOfKey(newestLoadedKey) : null;
  if (!partition) return undefined;
  return partitionPrefix("raw", new Date(partition.hour.getTime() - lookbackHours * 3_600_000));
}

/** raw/ object keys after `startAfter`, in key order, a listing page (up to 1,000 keys) at a time. */
export async function* listRawKeyPages(s3: S3Client, bucket: string, startAfter: string | undefined): AsyncGenerator<string[]> {
  for await (const page of listRawObjectPages(s3, bucket, startAfter)) yield page.map((object) => object.key);
}

/**
 * raw/ objects (key and size) after `startAfter`, in key order, a listing page (up to 1,000) at a
 * time: a run never holds the whole backlog's keys.
 */
export async function* listRawObjectPages(s3: S3Client, bucket: string, startAfter: string | undefined): AsyncGenerator<Array<{ key: string; size: number }>> {
  let continuationToken: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: "raw/",
        ...(startAfter && !continuationToken ? { StartAfter: startAfter } : {}),
        ...(continuationToken ? { ContinuationToken: continuationToken } : {}),
      }),
    );
    const objects = (page.Contents ?? []).flatMap((object) =>
      object.Key && partitionOfKey(object.Key)?.area === "raw" ? [{ key: object.Key, size: object.Size ?? 0 }] : []);
    if (objects.length > 0) yield objects;
    continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (continuationToken);
}
