import { randomUUID } from "node:crypto";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from "@aws-sdk/client-s3";
import { partitionOfKey, type LakeArea } from "../lib/lake/keys.ts";
import pMap from "p-map";

/**
 * An object that is not readable gzip is kept beside its key under this suffix: out of the
 * `*.ndjson.gz` glob the readers use (one such object would fail every query, as the ETL
 * quarantines it rather than block the rest), yet present, so it is not fetched again.
 */
export const UNREADABLE_SUFFIX = ".unreadable";

export interface MirrorOptions {
  s3: S3Client;
  bucket: string;
  /** The local directory that holds the copy, in the lake's own key layout. */
  dir: string;
  areas?: readonly LakeArea[];
  /** Objects fetched at once. */
  concurrency?: number;
}

export interface MirrorResult {
  /** Objects in the bucket's lake layout. */
  listed: number;
  /** Objects fetched this time: the keys not yet present. */
  copied: number;
  /** Keys whose objects are not readable gzip, kept aside (see UNREADABLE_SUFFIX). */
  unreadable: string[];
  /** Local files no longer in the bucket (or left from an interrupted copy), removed. */
  removed: number;
}

const isReadableGzip = (body: Uint8Array): boolean => {
  try {
    gunzipSync(body);
    return true;
  } catch {
    return false;
  }
};

async function sizeOf(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch {
    return null;
  }
}

async function* listAreaKeys(s3: S3Client, bucket: string, area: LakeArea): AsyncGenerator<{ key: string; size: number }[]> {
  let continuationToken: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `${area}/`, ContinuationToken: continuationToken }));
    // Only keys in the layout: they are also safe local paths (no `..`, no absolute path).
    yield (page.Contents ?? []).flatMap((object) =>
      object.Key && partitionOfKey(object.Key)?.area === area ? [{ key: object.Key, size: object.Size ?? -1 }] : [],
    );
    continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (continuationToken);
}

/** Writes through a temporary name, so a copy cut short is never taken for a present object. */
async function writeAtomically(file: string, body: Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${randomUUID()}.partial`;
  await writeFile(partial, body);
  await rename(partial, file);
}

async function copyObject(options: MirrorOptions, key: string, unreadable: string[]): Promise<void> {
  const response = await options.s3.send(new GetObjectCommand({ Bucket: options.bucket, Key: key }));
  if (!response.Body) throw new Error(`the lake object ${key} has no body`);
  const body = await response.Body.transformToByteArray();
  const readable = isReadableGzip(body);
  if (!readable) unreadable.push(key);
  const [kept, other] = readable ? [key, key + UNREADABLE_SUFFIX] : [key + UNREADABLE_SUFFIX, key];
  await writeAtomically(path.join(options.dir, kept), body);
  await rm(path.join(options.dir, other), { force: true });
}

/** Every file under the area's local folder, as its path relative to the mirror's root. */
async function localFiles(dir: string, area: LakeArea): Promise<string[]> {
  try {
    const entries = await readdir(path.join(dir, area), { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/**
 * Brings a local copy of the lake up to date: fetches every object of the areas that is not
 * present yet (lake objects are never rewritten, so a key of the same size is the same object)
 * and removes local files whose keys the bucket no longer holds, so the copy answers as the
 * bucket would.
 */
export async function mirrorLake(options: MirrorOptions): Promise<MirrorResult> {
  const { s3, bucket, dir, areas = ["raw", "rejected"], concurrency = 8 } = options;
  const result: MirrorResult = { listed: 0, copied: 0, unreadable: [], removed: 0 };
  const listed = new Set<string>();
  for (const area of areas) {
    for await (const page of listAreaKeys(s3, bucket, area)) {
      const missing: string[] = [];
      for (const { key, size } of page) {
        listed.add(key);
        if ((await sizeOf(path.join(dir, key))) === size) continue;
        if ((await sizeOf(path.join(dir, key + UNREADABLE_SUFFIX))) === size) {
          result.unreadable.push(key);
          continue;
        }
        missing.push(key);
      }
      result.listed += page.length;
      result.copied += missing.length;
      await pMap(missing, (key) => copyObject(options, key, result.unreadable), { concurrency });
    }
    for (const file of await localFiles(dir, area)) {
      const key = file.split(path.sep).join("/");
      if (listed.has(key) || (key.endsWith(UNREADABLE_SUFFIX) && listed.has(key.slice(0, -UNREADABLE_SUFFIX.length)))) continue;
      await rm(path.join(dir, file), { force: true });
      result.removed += 1;
    }
  }
  return result;
}
