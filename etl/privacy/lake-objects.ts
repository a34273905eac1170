import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, NoSuchKey, type S3Client } from "@aws-sdk/client-s3";
import { s3LakeStore } from "../../ingest/lake-writer.ts";
import { gunzipText, gzipLines } from "./lake-lines.ts";

export type ReadLakeText = { kind: "text"; text: string } | { kind: "missing" } | { kind: "unreadable" };

export async function readLakeText(s3: S3Client, bucket: string, key: string): Promise<ReadLakeText> {
  let body: Uint8Array;
  try {
    const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!response.Body) return { kind: "missing" };
    body = await response.Body.transformToByteArray();
  } catch (error) {
    if (error instanceof NoSuchKey) return { kind: "missing" };
    throw error;
  }
  const text = gunzipText(body);
  return text === null ? { kind: "unreadable" } : { kind: "text", text };
}

/** Replaces an object with these lines, in the format and with the headers the ingest writes. */
export async function putLakeLines(s3: S3Client, bucket: string, key: string, lines: readonly string[]): Promise<void> {
  await s3LakeStore(s3, bucket).put(key, gzipLines(lines));
}

export async function deleteLakeObject(s3: S3Client, bucket: string, key: string): Promise<void> {
  await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
}

/** Keys under a prefix, a listing page (up to 1,000) at a time. */
export async function* listKeyPages(s3: S3Client, bucket: string, prefix: string): AsyncGenerator<string[]> {
  let continuationToken: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ...(continuationToken ? { ContinuationToken: continuationToken } : {}) }),
    );
    const keys = (page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : []));
    if (keys.length > 0) yield keys;
    continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (continuationToken);
}

export async function listKeys(s3: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const page of listKeyPages(s3, bucket, prefix)) keys.push(...page);
  return keys;
}
