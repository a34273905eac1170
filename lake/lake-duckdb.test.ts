import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { toFactEventRow } from "../etl/parse-raw-object.ts";
import { toNdjsonGzip } from "../ingest/lake-writer.ts";
import { readLakeLine } from "../lib/tracking/schema.ts";
import { pageView, pageViewV1, productUpdated, productView, purchase, sampleProduct } from "../lib/tracking/testing/event-factory.ts";
import { openLake, type LakeDb } from "./lake-duckdb.ts";
import { ingested, ingestedV1, legacyV1, writeLocalLakeObject } from "./testing/lake-records.ts";

let dir: string;
let lake: LakeDb | undefined;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lake-duckdb-"));
});
afterEach(async () => {
  lake?.close();
  lake = undefined;
  await rm(dir, { recursive: true, force: true });
});

const receivedAt = new Date("2026-11-20T23:30:00.000Z");
const page = { url: "https://shop.example/deals?utm_source=news", path: "/deals", referrer: "https://news.example/", title: "Deals" };

/** One line of every shape the lake has held, each with what sets it apart. */
function linesOfEveryVersion(): unknown[] {
  const { trusted: _, ...legacyWithoutTrusted } = legacyV1(
    { ...pageViewV1(), user_id: "forged-user", occurred_at: "2026-11-21T01:10:00.000+02:00" },
    { receivedAt },
  );
  return [
    ingested(
      pageView({ page, seq: 7, context: { logged_in: true, first_visit: false, campaign: { source: "news", medium: "email" } } }),
      { receivedAt, userId: "user-a", sentAt: "2026-11-20T23:29:00.000Z" },
    ),
    // The device's clock is two hours fast: the derived time corrects it, to the day before.
    ingested(productView(sampleProduct, { occurred_at: "2026-11-21T01:20:00.000Z" }), { receivedAt, sentAt: "2026-11-21T01:29:59.000Z" }),
    ingested({ ...purchase(sampleProduct, 2), user_id: "user-b" }, { receivedAt, trusted: true }),
    ingested(productUpdated(sampleProduct, 3), { receivedAt, trusted: true }),
    ingestedV1({ ...pageViewV1(), user_id: "forged-user" }, { receivedAt, userId: "user-c" }),
    legacyV1({ ...pageViewV1(), user_id: "user-d" }, { receivedAt, trusted: true }),
    legacyWithoutTrusted,
  ];
}

const utcDay = (iso: string) => new Date(iso).toISOString().slice(0, 10);
const time = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
const json = (value: unknown) => (typeof value === "string" ? (JSON.parse(value) as unknown) : value);

describe("the lake's DuckDB views", () => {
  it("read every version's lines as the ETL reads them", async () => {
    const lines = linesOfEveryVersion();
    const key = await writeLocalLakeObject(dir, "raw", receivedAt, toNdjsonGzip(lines));
    lake = await openLake(dir);
    const rows = (await lake.run("SELECT * FROM raw_events")).getRowObjectsJS();
    expect(rows).toHaveLength(lines.length);

    for (const [index, line] of lines.entries()) {
      const read = readLakeLine(line);
      if (!read.ok) throw new Error(`test line ${index} is not a valid lake line: ${read.error.message}`);
      const etl = toFactEventRow(read.event, key, index + 1);
      const row = rows.find((candidate) => candidate["event_id"] === etl.event_id);
      expect(row, etl.event_id).toBeDefined();
      expect({
        object_key: row!["object_key"],
        event_version: row!["event_version"],
        event_name: row!["event_name"],
        occurred_at: time(row!["occurred_at"]),
        derived_at: time(row!["derived_at"]),
        sent_at: time(row!["sent_at"]),
        received_at: time(row!["received_at"]),
        event_date: time(row!["event_date"]),
        seq: row!["seq"],
        anonymous_id: row!["anonymous_id"],
        session_id: row!["session_id"],
        user_id: row!["user_id"],
        logged_in: row!["logged_in"],
        first_visit: row!["first_visit"],
        campaign: json(row!["campaign"]),
        page_url: row!["page_url"],
        page_path: row!["page_path"],
        page_referrer: row!["page_referrer"],
        page_title: row!["page_title"],
        product_id: row!["product_id"],
        properties: json(row!["properties"]),
        user_agent: row!["user_agent"],
        client_ip: row!["client_ip"],
        trusted: row!["trusted"],
        flags: row!["flags"],
      }).toEqual({
        object_key: etl.object_key,
        event_version: etl.event_version,
        event_name: etl.event_name,
        occurred_at: new Date(etl.occurred_at).toISOString(),
        derived_at: new Date(etl.derived_at).toISOString(),
        sent_at: new Date(etl.sent_at).toISOString(),
        received_at: new Date(etl.received_at).toISOString(),
        event_date: `${utcDay(etl.derived_at)}T00:00:00.000Z`,
        seq: etl.seq,
        anonymous_id: etl.anonymous_id,
        session_id: etl.session_id,
        user_id: etl.user_id,
        logged_in: etl.logged_in,
        first_visit: etl.first_visit,
        campaign: etl.campaign,
        page_url: etl.page_url,
        page_path: etl.page_path,
        page_referrer: etl.page_referrer,
        page_title: etl.page_title,
        product_id: etl.product_id,
        properties: etl.properties,
        user_agent: etl.user_agent,
        client_ip: etl.client_ip,
        trusted: etl.trusted,
        flags: etl.flags,
      });
      expect({ dt: time(row!["dt"]), hr: row!["hr"] }).toEqual({ dt: "2026-11-20T00:00:00.000Z", hr: 23 });
    }
  });

  it("skip lines that are no event and still read the rest of their object", async () => {
    const good = ingested(pageView(), { receivedAt });
    const text = ["not json", "[1, 2]", '{"schema_version": 2, "event": "not an object"}', JSON.stringify(good), "{}"].join("\n") + "\n";
    await writeLocalLakeObject(dir, "raw", receivedAt, gzipSync(text));
    lake = await openLake(dir);
    const rows = (await lake.run("SELECT event_id FROM raw_events")).getRowObjectsJS();
    expect(rows).toEqual([{ event_id: good.event.event_id }]);
  });

  it("keep a retried event once, by its first arrival", async () => {
    const event = pageView({ occurred_at: "2026-11-20T23:59:59.900Z" });
    const later = new Date(receivedAt.getTime() + 3_600_000);
    // The retry's clock correction puts it past midnight: its first arrival decides the day.
    await writeLocalLakeObject(dir, "raw", later, toNdjsonGzip([ingested(event, { receivedAt: later, sentAt: "2026-11-20T23:59:59.000Z" })]));
    await writeLocalLakeObject(dir, "raw", receivedAt, toNdjsonGzip([ingested(event, { receivedAt })]));
    lake = await openLake(dir);
    const raw = (await lake.run("SELECT DISTINCT event_date::VARCHAR AS day FROM raw_events ORDER BY day")).getRowObjectsJS();
    expect(raw).toEqual([{ day: "2026-11-20" }, { day: "2026-11-21" }]);
    const kept = (await lake.run("SELECT event_date::VARCHAR AS day, hr FROM events")).getRowObjectsJS();
    expect(kept).toEqual([{ day: "2026-11-20", hr: receivedAt.getUTCHours() }]);
  });

  it("read an empty lake as empty views of the same columns", async () => {
    const columnsOf = async (db: LakeDb, view: string) =>
      (await db.run(`DESCRIBE ${view}`)).getRowObjectsJS().map((column) => `${String(column["column_name"])} ${String(column["column_type"])}`);
    const views = ["raw_events", "events", "rejected_events"];
    lake = await openLake(dir);
    const empty = await Promise.all(views.map((view) => columnsOf(lake!, view)));
    for (const view of views) expect((await lake.run(`SELECT count(*) AS n FROM ${view}`)).getRowObjectsJS()).toEqual([{ n: 0n }]);
    lake.close();

    await writeLocalLakeObject(dir, "raw", receivedAt, toNdjsonGzip([ingested(pageView(), { receivedAt })]));
    await writeLocalLakeObject(dir, "rejected", receivedAt, toNdjsonGzip([{ schema_version: 2, received_at: receivedAt.toISOString(), index: 0, reason: "bad", payload: { a: 1 } }]));
    lake = await openLake(dir);
    expect(await Promise.all(views.map((view) => columnsOf(lake!, view)))).toEqual(empty);
    expect((await lake.run("SELECT event_index, reason, payload FROM rejected_events")).getRowObjectsJS()).toEqual([
      { event_index: 0, reason: "bad", payload: '{"a":1}' },
    ]);
  });
});
