import type pg from "pg";
import { partitionOfKey } from "../lib/lake/keys.ts";
import { listRawObjectPages } from "./list-raw-objects.ts";
import * as q from "./warehouse-queries.ts";

/** Per raw partition day: objects listed, and of those, the ones not in the manifest. */
export type DayCounts = Map<string, { listed: number; missing: number }>;

export interface PendingListing {
  /** List keys after this one (undefined: from the lake's first key). */
  startAfter: string | undefined;
  /** Stop before this key (undefined: to the lake's last). */
  stopBefore?: string | undefined;
  /** Batches of at most this many keys… */
  batchSize: number;
  /** …and of at most this many bytes (gzipped, as listed), unless one object alone is bigger. */
  batchBytes: number;
  /** When given, counts every listed object per partition day. */
  counts?: DayCounts;
  /** Keys not to yield (they still count as missing). */
  skip?: ReadonlySet<string>;
}

/**
 * The raw objects not yet in the manifest, in key order, in batches of at most `batchSize`,
 * listing page by page: never the whole backlog in memory. A batch is yielded as soon as it is
 * full, so the caller loads it before the listing goes on.
 */
export async function* pendingObjectBatches(
  session: pg.ClientBase,
  lake: { s3: Parameters<typeof listRawObjectPages>[0]; bucket: string },
  listing: PendingListing,
): AsyncGenerator<string[]> {
  let batch: string[] = [];
  let bytes = 0;
  for await (const page of listRawObjectPages(lake.s3, lake.bucket, listing.startAfter)) {
    const inRange = listing.stopBefore === undefined ? page : page.filter((object) => object.key < listing.stopBefore!);
    const keys = inRange.map((object) => object.key);
    const known = new Set((await session.query<{ object_key: string }>(q.KNOWN_OBJECTS, [keys])).rows.map((row) => row.object_key));
    for (const { key, size } of inRange) {
      const missing = !known.has(key);
      if (listing.counts) count(listing.counts, key, missing);
      if (!missing || listing.skip?.has(key)) continue;
      if (batch.length > 0 && bytes + size > listing.batchBytes) {
        yield batch;
        batch = [];
        bytes = 0;
      }
      batch.push(key);
      bytes += size;
      if (batch.length === listing.batchSize) {
        yield batch;
        batch = [];
        bytes = 0;
      }
    }
    if (inRange.length < page.length) break;
  }
  if (batch.length > 0) yield batch;
}

function count(counts: DayCounts, key: string, missing: boolean): void {
  const day = partitionOfKey(key)?.hour.toISOString().slice(0, 10);
  if (day === undefined) return;
  const entry = counts.get(day) ?? { listed: 0, missing: 0 };
  entry.listed += 1;
  if (missing) entry.missing += 1;
  counts.set(day, entry);
}
