import { constants, gzipSync } from "node:zlib";
import { PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { lakeObjectKey, type LakeArea } from "../lib/lake/keys.ts";

const ndjson = (records: readonly unknown[]) => records.map((record) => JSON.stringify(record)).join("\n") + "\n";

export function toNdjsonGzip(records: readonly unknown[]): Buffer {
  return gzipSync(ndjson(records));
}

/** Where lake objects go: S3 in the Lambda, memory in tests and benchmarks. */
export interface LakeStore {
  put(key: string, body: Buffer): Promise<void>;
}

export function s3LakeStore(s3: S3Client, bucket: string): LakeStore {
  return {
    async put(key, body) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: "application/x-ndjson", ContentEncoding: "gzip" }));
    },
  };
}

/**
 * Writes records as one gzipped NDJSON object in the area's partition; returns its key. Gzip at
 * its fastest level (event NDJSON still shrinks about tenfold, for half the CPU of the default),
 * and synchronously: for a batch of at most 256 KiB that costs less CPU than zlib's stream
 * machinery behind the async call.
 */
export async function putLakeObject(store: LakeStore, area: LakeArea, receivedAt: Date, records: readonly unknown[]): Promise<string> {
  const key = lakeObjectKey(area, receivedAt);
  await store.put(key, gzipSync(ndjson(records), { level: constants.Z_BEST_SPEED }));
  return key;
}

/** putLakeObject straight to an S3 bucket. */
export function writeLakeObject(s3: S3Client, bucket: string, area: LakeArea, receivedAt: Date, records: readonly unknown[]): Promise<string> {
  return putLakeObject(s3LakeStore(s3, bucket), area, receivedAt, records);
}
