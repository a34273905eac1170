import { gzipSync } from "node:zlib";
import { PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { lakeObjectKey, type LakeArea } from "../lib/lake/keys.ts";

export function toNdjsonGzip(records: readonly unknown[]): Buffer {
  return gzipSync(records.map((record) => JSON.stringify(record)).join("\n") + "\n");
}

/** Writes records as one gzipped NDJSON object in the area's partition; returns its key. */
export async function writeLakeObject(
  s3: S3Client,
  bucket: string,
  area: LakeArea,
  receivedAt: Date,
  records: readonly unknown[],
): Promise<string> {
  const key = lakeObjectKey(area, receivedAt);
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: toNdjsonGzip(records),
      ContentType: "application/x-ndjson",
      ContentEncoding: "gzip",
    }),
  );
  return key;
}
