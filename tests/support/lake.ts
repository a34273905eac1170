import { GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { gunzipSync } from "node:zlib";
import { createS3Client } from "../../lib/lake/s3-client.ts";
import { rawEventRecordSchema, rejectedEventRecordSchema, type RawEventRecord, type RejectedEventRecord } from "../../lib/tracking/schema.ts";

/** Every line the ingest wrote under `area` of the lake, parsed; for end-to-end checks. */
async function readArea(lake: { endpoint: string; bucket: string }, area: "raw" | "rejected"): Promise<unknown[]> {
  const s3 = createS3Client({ endpoint: lake.endpoint });
  const lines: unknown[] = [];
  let token: string | undefined;
  try {
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: lake.bucket, Prefix: `${area}/`, ContinuationToken: token }));
      for (const object of page.Contents ?? []) {
        const body = await (await s3.send(new GetObjectCommand({ Bucket: lake.bucket, Key: object.Key }))).Body?.transformToByteArray();
        if (!body) continue;
        for (const line of gunzipSync(body).toString("utf8").split("\n")) if (line.trim()) lines.push(JSON.parse(line));
      }
      token = page.NextContinuationToken;
    } while (token);
  } finally {
    s3.destroy();
  }
  return lines;
}

export async function rawEvents(lake: { endpoint: string; bucket: string }): Promise<RawEventRecord[]> {
  return (await readArea(lake, "raw")).map((line) => rawEventRecordSchema.parse(line));
}

export async function rejectedEvents(lake: { endpoint: string; bucket: string }): Promise<RejectedEventRecord[]> {
  return (await readArea(lake, "rejected")).map((line) => rejectedEventRecordSchema.parse(line));
}
