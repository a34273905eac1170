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

/**
 * raw/ object keys after `startAfter`, in key order, a listing page (up to 1,000 keys) at a
 * time: a run never holds the whole backlog's keys.
 */
export async function* listRawKeyPages(s3: S3Client, bucket: string, startAfter: string | undefined): AsyncGenerator<string[]> {
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
    const keys = (page.Contents ?? []).flatMap((object) => (object.Key && partitionOfKey(object.Key)?.area === "raw" ? [object.Key] : []));
    if (keys.length > 0) yield keys;
    continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (continuationToken);
}
