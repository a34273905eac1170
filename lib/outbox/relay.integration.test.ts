import { GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { gunzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startIngestAdapter, type IngestAdapterPart } from "@/dev/parts/ingest-adapter.ts";
import { freePort } from "@/dev/parts/ports.ts";
import type { PostgresPart } from "@/dev/parts/postgres.ts";
import type { S3Part } from "@/dev/parts/s3.ts";
import { throwawayPostgres, throwawayS3 } from "@/dev/testing/local-parts.ts";
import { migrateShop } from "@/lib/db/migrations.ts";
import { createS3Client } from "@/lib/lake/s3-client.ts";
import { rawEventRecordSchema, type PurchaseEvent } from "@/lib/tracking/schema.ts";
import { purchase } from "@/lib/tracking/testing/event-factory.ts";
import { createIngestHandler } from "@/ingest/handler.ts";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { lambdaSender, type Invoke } from "./ingest-sender.ts";
import { drainOutbox, outboxBacklog, relayOnce, type RelayDeps } from "./relay.ts";

// The outbox relay against the real parts: the shop's PostgreSQL, the ingest handler behind the
// local adapter, s3rver. The ingest and the relay share a secret; the browser never has it.
const SECRET = "relay-test-secret-0123456789abcdef0123456789";
const bucket = "relay-test";
let postgres: PostgresPart;
let pool: pg.Pool;
let s3: S3Part;
let ingest: IngestAdapterPart;
/** The ingest function as Lambda would invoke it (what the relay does in the VPC, without NAT). */
let invokeIngest: Invoke;

beforeAll(async () => {
  [postgres, s3] = await Promise.all([throwawayPostgres("shop_outbox_test"), throwawayS3(bucket)]);
  await migrateShop(postgres.url);
  pool = new pg.Pool({ connectionString: postgres.url, max: 4 });
  const handler = createIngestHandler({ RAW_BUCKET: bucket, S3_ENDPOINT: s3.endpoint, SERVER_EVENTS_SECRET: SECRET });
  ingest = await startIngestAdapter({ port: 0, allowedOrigins: [], handler });
  invokeIngest = async (_name, payload) => ({ payload: JSON.stringify(await handler(JSON.parse(payload) as APIGatewayProxyEventV2)) });
});

afterAll(async () => {
  await ingest?.stop();
  await pool?.end();
  await Promise.all([postgres?.stop(), s3?.stop()]);
});

const relay = (overrides: Partial<RelayDeps> = {}): RelayDeps => ({ pool, ingestUrl: ingest.url, secret: SECRET, random: () => 0.5, ...overrides });

async function enqueue(events: readonly PurchaseEvent[]): Promise<void> {
  for (const event of events) {
    await pool.query("INSERT INTO event_outbox (event_id, event_name, event) VALUES ($1, $2, $3)", [event.event_id, event.event_name, event]);
  }
}

async function lakeEvents(): Promise<Array<{ eventId: string; trusted: boolean }>> {
  const s3Client = createS3Client({ endpoint: s3.endpoint });
  const listing = await s3Client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: "raw/" }));
  const found: Array<{ eventId: string; trusted: boolean }> = [];
  for (const { Key } of listing.Contents ?? []) {
    const object = await s3Client.send(new GetObjectCommand({ Bucket: bucket, Key }));
    const text = gunzipSync(await object.Body!.transformToByteArray()).toString("utf8");
    for (const line of text.trim().split("\n")) {
      const record = rawEventRecordSchema.parse(JSON.parse(line));
      found.push({ eventId: record.event.event_id, trusted: record.trusted });
    }
  }
  s3Client.destroy();
  return found;
}

async function row(eventId: string) {
  const { rows } = await pool.query<{ attempts: number; delivered: boolean; last_error: string | null; wait_ms: number }>(
    `SELECT attempts, delivered_at IS NOT NULL AS delivered, last_error,
            greatest(0, extract(epoch FROM next_attempt_at - now()) * 1000)::float8 AS wait_ms
       FROM event_outbox WHERE event_id = $1`,
    [eventId],
  );
  return rows[0];
}

describe("the outbox relay", () => {
  it("keeps an order's event while the ingest is down, backs off, and delivers it signed once it is back", async () => {
    const order = purchase();
    await enqueue([order]);
    const closed = `http://127.0.0.1:${await freePort()}/v1/events`;

    expect(await relayOnce(relay({ ingestUrl: closed }))).toEqual({ delivered: 0, refused: 0, failed: 1 });
    const waiting = await row(order.event_id);
    expect(waiting).toMatchObject({ attempts: 1, delivered: false, last_error: expect.stringMatching(/fetch failed|ECONNREFUSED/) });
    expect(waiting?.wait_ms).toBeGreaterThan(300);
    // Not due yet: a relay now sends nothing.
    expect(await relayOnce(relay())).toEqual({ delivered: 0, refused: 0, failed: 0 });

    await pool.query("UPDATE event_outbox SET next_attempt_at = now() WHERE event_id = $1", [order.event_id]);
    expect(await relayOnce(relay())).toEqual({ delivered: 1, refused: 0, failed: 0 });
    expect(await row(order.event_id)).toMatchObject({ attempts: 2, delivered: true, last_error: null });
    expect((await lakeEvents()).filter((event) => event.eventId === order.event_id)).toEqual([{ eventId: order.event_id, trusted: true }]);
  });

  it("is refused by the ingest with the wrong secret, and keeps the event for a retry", async () => {
    const order = purchase();
    await enqueue([order]);
    expect(await relayOnce(relay({ secret: "not-the-secret-the-ingest-knows-0123456789" }))).toEqual({ delivered: 0, refused: 0, failed: 1 });
    expect(await row(order.event_id)).toMatchObject({ delivered: false, last_error: expect.stringMatching(/^ingest answered 401: .*signature does not match/) });
    await pool.query("UPDATE event_outbox SET next_attempt_at = now() WHERE event_id = $1", [order.event_id]);
    expect((await relayOnce(relay())).delivered).toBe(1);
  });

  it("never sends an event twice when relays run side by side", async () => {
    const orders = Array.from({ length: 30 }, () => purchase());
    await enqueue(orders);
    const results = await Promise.all([drainOutbox(relay({ batchSize: 7 })), drainOutbox(relay({ batchSize: 7 })), drainOutbox(relay({ batchSize: 7 }))]);
    expect(results.reduce((sum, result) => sum + result.delivered, 0)).toBe(30);
    const ids = new Set(orders.map((order) => order.event_id));
    const inLake = (await lakeEvents()).filter((event) => ids.has(event.eventId));
    expect(inLake).toHaveLength(30);
    expect(new Set(inLake.map((event) => event.eventId)).size).toBe(30);
    expect(await outboxBacklog(pool)).toEqual({ waiting: 0, oldestSeconds: 0 });
  });

  it("records an event the ingest refuses one by one, instead of retrying it for ever", async () => {
    const order = purchase();
    const broken = { ...order, properties: { ...order.properties, revenue_cents: order.properties.revenue_cents + 1 } };
    await pool.query("INSERT INTO event_outbox (event_id, event_name, event) VALUES ($1, 'purchase', $2)", [broken.event_id, broken]);
    const logged: string[] = [];
    expect(await relayOnce(relay({ log: (message) => logged.push(message) }))).toEqual({ delivered: 0, refused: 1, failed: 0 });
    expect(await row(broken.event_id)).toMatchObject({ delivered: true, last_error: expect.stringMatching(/^refused by the ingest: .*revenue_cents/) });
    expect(logged).toEqual(["ingest refused a server event"]);
  });

  it("delivers through the ingest function itself (lambdaSender), signed and trusted like over HTTP", async () => {
    const order = purchase();
    await enqueue([order]);
    const viaLambda = relay({ ingestUrl: undefined, sender: lambdaSender("compushop-ingest", invokeIngest) });
    expect(await relayOnce(viaLambda)).toEqual({ delivered: 1, refused: 0, failed: 0 });
    expect((await lakeEvents()).filter((event) => event.eventId === order.event_id)).toEqual([{ eventId: order.event_id, trusted: true }]);
    // The wrong secret is refused the same way (the ingest answers 401 inside the invocation).
    const other = purchase();
    await enqueue([other]);
    expect(await relayOnce({ ...viaLambda, secret: "not-the-secret-the-ingest-knows-0123456789" })).toEqual({ delivered: 0, refused: 0, failed: 1 });
    expect(await row(other.event_id)).toMatchObject({ delivered: false, last_error: expect.stringMatching(/^ingest answered 401/) });
  });
});
