import { GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startIngestAdapter, type IngestAdapterPart } from "../dev/parts/ingest-adapter.ts";
import type { S3Part } from "../dev/parts/s3.ts";
import { throwawayS3 } from "../dev/testing/local-parts.ts";
import { createS3Client } from "../lib/lake/s3-client.ts";
import { rawEventRecordSchema, rejectedEventRecordSchema } from "../lib/tracking/schema.ts";
import { batchBody, pageView } from "../lib/tracking/testing/event-factory.ts";
import { createIngestHandler } from "./handler.ts";
import { shoppersAbroad, type Shopper } from "./geo/testing/shoppers-abroad.ts";

// Shoppers from three countries, played through the local adapter as the shop's events path
// would forward them (X-Forwarded-For from loopback), into a real s3rver: every stored object
// is then searched for their full addresses, which must be nowhere.
const BUCKET = "geo-test";

let s3: S3Part;
let adapter: IngestAdapterPart;
let stranger: IngestAdapterPart;

beforeAll(async () => {
  s3 = await throwawayS3(BUCKET);
  // The local system's ingest configuration (dev/system.ts): loopback peers are trusted proxies.
  const handler = createIngestHandler({ RAW_BUCKET: BUCKET, S3_ENDPOINT: s3.endpoint, TRUSTED_PROXIES: "loopback" });
  adapter = await startIngestAdapter({ port: 0, allowedOrigins: [], handler });
  // The same ingest reached by a peer it does not trust (as API Gateway would report a stranger).
  stranger = await startIngestAdapter({ port: 0, allowedOrigins: [], handler, sourceIp: () => "198.51.100.7" });
});

afterAll(async () => {
  await Promise.all([adapter?.stop(), stranger?.stop()]);
  await s3?.stop();
});

async function storedObjects(): Promise<Array<{ key: string; text: string }>> {
  const client = createS3Client({ endpoint: s3.endpoint });
  const listing = await client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  return Promise.all(
    (listing.Contents ?? []).map(async ({ Key }) => {
      const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: Key! }));
      return { key: Key!, text: gunzipSync(await object.Body!.transformToByteArray()).toString("utf8") };
    }),
  );
}

const post = (url: string, forwardedFor: string, events: unknown[]) =>
  fetch(url, { method: "POST", body: batchBody(events), headers: { "content-type": "text/plain", "x-forwarded-for": forwardedFor } });

describe("geography at the ingest", () => {
  it("places shoppers from three countries and keeps none of their full addresses, raw or rejected", async () => {
    const played = await shoppersAbroad();
    expect(played.map((shopper) => shopper.country)).toHaveLength(3);
    const sent = new Map<string, Shopper>();
    for (const shopper of played) {
      const views = [pageView(), pageView()];
      for (const view of views) sent.set(view.event_id, shopper);
      // A forged hop on the left, as a client may write it, and a bad event that goes to rejected/.
      const response = await post(adapter.url, `6.6.6.6, ${shopper.address}`, [...views, { ...pageView(), event_name: "teleport" }]);
      expect(await response.json()).toEqual({ accepted: 2, rejected: [{ index: 2, reason: expect.any(String) }] });
    }

    const objects = await storedObjects();
    expect(objects.filter((object) => object.key.startsWith("raw/"))).toHaveLength(3);
    expect(objects.filter((object) => object.key.startsWith("rejected/"))).toHaveLength(3);
    for (const { key, text } of objects) {
      for (const shopper of played) for (const spelling of shopper.spellings) expect(text.includes(spelling), `${spelling} in ${key}`).toBe(false);
      if (key.startsWith("rejected/")) for (const line of text.trim().split("\n")) rejectedEventRecordSchema.parse(JSON.parse(line));
    }

    const records = objects.filter((object) => object.key.startsWith("raw/")).flatMap((object) => object.text.trim().split("\n").map((line) => rawEventRecordSchema.parse(JSON.parse(line))));
    expect(records).toHaveLength(6);
    for (const record of records) {
      const shopper = sent.get(record.event.event_id)!;
      expect(record.client_ip).toBe(shopper.truncated);
      expect(record.geo).toEqual({ country: shopper.country, region: shopper.region, city: shopper.city, source: "dbip" });
    }
    expect(new Set(records.map((record) => record.geo?.country)).size).toBe(3);
  });

  it("ignores the forwarded address a peer it does not trust claims", async () => {
    const [shopper] = await shoppersAbroad();
    const view = pageView();
    expect((await post(stranger.url, shopper!.address, [view])).status).toBe(200);
    const object = (await storedObjects()).find((candidate) => candidate.text.includes(view.event_id));
    expect(object?.text.includes(shopper!.address)).toBe(false);
    const record = rawEventRecordSchema.parse(JSON.parse(object!.text.trim()));
    expect(record).toMatchObject({ client_ip: "198.51.100.0", geo: null });
  });
});
