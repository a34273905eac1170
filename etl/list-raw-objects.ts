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

/** Every raw/ object key after `startAfter`, in key order, following continuation tokens. */
export async function listRawObjects(s3: S3Client, bucket: string, startAfter: string | undefined): Promise<string[]> {
  const keys: string[] = [];
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
    for (const object of page.Contents ?? []) if (object.Key && partitionOfKey(object.Key)?.area === "raw") keys.push(object.Key);
    continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (continuationToken);
  return keys;
}
