import { v7 as uuidv7 } from "uuid";

/**
 * The raw lake's layout, shared by the ingest (writer) and the ETL (reader):
 *   raw/dt=YYYY-MM-DD/hr=HH/<uuidv7>.ndjson.gz       valid events
 *   rejected/dt=YYYY-MM-DD/hr=HH/<uuidv7>.ndjson.gz  events set aside, with their reason
 * Partitions are by the time ingest received the request (UTC), so keys sort by arrival.
 */
export type LakeArea = "raw" | "rejected";

export function partitionPrefix(area: LakeArea, at: Date): string {
  const iso = at.toISOString();
  return `${area}/dt=${iso.slice(0, 10)}/hr=${iso.slice(11, 13)}/`;
}

export function lakeObjectKey(area: LakeArea, receivedAt: Date, id: string = uuidv7()): string {
  return `${partitionPrefix(area, receivedAt)}${id}.ndjson.gz`;
}

const KEY_PATTERN = /^(raw|rejected)\/dt=(\d{4}-\d{2}-\d{2})\/hr=(\d{2})\/[^/]+\.ndjson\.gz$/;

/**
 * When the ingest wrote the object: the time in its uuidv7 name (milliseconds), when that lies in
 * the key's partition hour, else the start of that hour. Null when the key is not the lake's.
 */
export function writtenAtOfKey(key: string): Date | null {
  const partition = partitionOfKey(key);
  if (!partition) return null;
  const id = /\/([0-9a-f]{8})-([0-9a-f]{4})-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}\.ndjson\.gz$/i.exec(key);
  if (id) {
    const written = new Date(Number.parseInt(`${id[1]}${id[2]}`, 16));
    const offset = written.getTime() - partition.hour.getTime();
    if (offset >= 0 && offset < 3_600_000) return written;
  }
  return partition.hour;
}

/** The partition hour a key belongs to, or null when the key is not in the lake's layout. */
export function partitionOfKey(key: string): { area: LakeArea; hour: Date } | null {
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  const hour = new Date(`${match[2]}T${match[3]}:00:00Z`);
  if (Number.isNaN(hour.getTime())) return null;
  return { area: match[1] as LakeArea, hour };
}
