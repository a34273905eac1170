import { GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startIngestAdapter, type IngestAdapterPart } from "../dev/parts/ingest-adapter.ts";
import { throwawayS3 } from "../dev/testing/local-parts.ts";
import type { S3Part } from "../dev/parts/s3.ts";
import { createS3Client } from "../lib/lake/s3-client.ts";
import { rawEventRecordSchema, rejectedEventRecordSchema } from "../lib/tracking/schema.ts";
import { batchBody, pageView, productView } from "../lib/tracking/testing/event-factory.ts";
import { partitionOfKey } from "../lib/lake/keys.ts";
import { createIngestHandler } from "./handler.ts";
import { ingestRequest } from "./ingest-request.ts";

// The ingest Lambda handler behind the local API Gateway adapter, writing to a real s3rver.
const bucket = "ingest-test";
const origin = "http://shop.test";
let s3: S3Part;
let adapter: IngestAdapterPart;

beforeAll(async () => {
  s3 = await throwawayS3(bucket);
  const handler = createIngestHandler({ RAW_BUCKET: bucket, S3_ENDPOINT: s3.endpoint });
  adapter = await startIngestAdapter({ port: 0, allowedOrigins: [origin], handler });
});

afterAll(async () => {
  await adapter?.stop();
  await s3?.stop();
});

const client = () => createS3Client({ endpoint: s3.endpoint });

async function objectsUnder(prefix: string): Promise<Array<{ key: string; lines: unknown[] }>> {
  const listing = await client().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  const objects = [];
  for (const { Key } of listing.Contents ?? []) {
    if (!Key) continue;
    const body = await client().send(new GetObjectCommand({ Bucket: bucket, Key }));
    const text = gunzipSync(await body.Body!.transformToByteArray()).toString("utf8");
    objects.push({ key: Key, lines: text.trim().split("\n").map((line) => JSON.parse(line) as unknown) });
  }
  return objects;
}

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(adapter.url, { method: "POST", body, headers: { "content-type": "text/plain", "user-agent": "ingest-test/1", origin, ...headers } });

describe("ingest", () => {
  it("writes valid events to raw/ and rejected ones to rejected/, as gzipped NDJSON", async () => {
    const good = [pageView(), productView()];
    const bad = { ...pageView(), event_name: "teleport" };
    const sentAt = Date.now();
    const response = await post(batchBody([good[0], bad, good[1]]));
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(origin);
    expect(await response.json()).toEqual({ accepted: 2, rejected: [{ index: 1, reason: expect.stringContaining("event_name") }] });

    const raw = await objectsUnder("raw/");
    expect(raw).toHaveLength(1);
    expect(raw[0]?.key).toMatch(/^raw\/dt=\d{4}-\d{2}-\d{2}\/hr=\d{2}\/[0-9a-f-]{36}\.ndjson\.gz$/);
    const hour = partitionOfKey(raw[0]!.key)!.hour.getTime();
    expect(hour).toBeGreaterThan(sentAt - 3_600_000);
    expect(hour).toBeLessThanOrEqual(Date.now());
    const records = raw[0]!.lines.map((line) => rawEventRecordSchema.parse(line));
    expect(records.map((record) => record.event)).toEqual(good);
    expect(records[0]?.user_agent).toBe("ingest-test/1");

    const rejected = await objectsUnder("rejected/");
    expect(rejected).toHaveLength(1);
    expect(rejectedEventRecordSchema.parse(rejected[0]!.lines[0])).toMatchObject({ index: 1, payload: bad });
  });

  it("answers 400 for a body that is not a batch, and stores nothing", async () => {
    const before = (await objectsUnder("")).length;
    const response = await post("[1,2,3]");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/^not a valid event batch/);
    expect((await objectsUnder("")).length).toBe(before);
  });

  it("answers CORS preflights for the shop's origin only", async () => {
    const preflight = await fetch(adapter.url, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(origin);
    const foreign = await post(batchBody([pageView()]), { origin: "http://evil.test" });
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers 503 when the lake cannot be written, so the tracker retries", async () => {
    // A bucket that does not exist makes every put fail, as an S3 outage would.
    const result = await ingestRequest(
      { body: batchBody([pageView()]), userAgent: null },
      { s3: client(), bucket: "no-such-bucket" },
    );
    expect(result).toEqual({ status: 503, body: { error: "events could not be stored; retry later" } });
  });
});
