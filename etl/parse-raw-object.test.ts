import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { toNdjsonGzip } from "../ingest/lake-writer.ts";
import type { RawEventRecord, TrackedEvent } from "../lib/tracking/schema.ts";
import { oneOfEach, pageView, pageViewV1, productView, rawRecord, sampleProduct } from "../lib/tracking/testing/event-factory.ts";
import { parseRawObject } from "./parse-raw-object.ts";

const key = "raw/dt=2026-11-25/hr=12/a.ndjson.gz";
const record = (event: TrackedEvent = pageView()): RawEventRecord => ({
  ...rawRecord(event, new Date("2026-11-25T12:00:01.000Z")),
  sent_at: "2026-11-25T12:00:00.500Z",
});

describe("parseRawObject", () => {
  it("flattens each record into a fact_event row", () => {
    const view = productView();
    const parsed = parseRawObject(key, toNdjsonGzip([record(pageView()), record(view)]));
    if (parsed.kind !== "events") throw new Error("expected events");
    expect(parsed.rejected).toEqual([]);
    expect(parsed.rows).toHaveLength(2);
    expect(parsed.rows[0]?.product_id).toBeNull();
    expect(parsed.rows[1]).toMatchObject({
      event_id: view.event_id,
      event_name: "product_view",
      product_id: sampleProduct.product_id,
      page_path: view.page.path,
      received_at: "2026-11-25T12:00:01.000Z",
      object_key: key,
    });
  });

  it("sets bad lines aside with their line number and keeps the rest", () => {
    const body = [JSON.stringify(record()), "{not json", JSON.stringify({ ...record(), schema_version: 9 }), "", JSON.stringify(record())].join("\n");
    const parsed = parseRawObject(key, gzipSync(body));
    if (parsed.kind !== "events") throw new Error("expected events");
    expect(parsed.rows).toHaveLength(2);
    expect(parsed.rejected.map(({ line_number, reason }) => ({ line_number, reason }))).toEqual([
      { line_number: 2, reason: "line is not valid JSON" },
      { line_number: 3, reason: expect.stringMatching(/^schema_version: /) },
    ]);
  });

  it("reads every event of the taxonomy, naming the product of product events only", () => {
    const events = oneOfEach();
    const parsed = parseRawObject(key, toNdjsonGzip(events.map(record)));
    if (parsed.kind !== "events") throw new Error("expected events");
    expect(parsed.rejected).toEqual([]);
    const withProduct = parsed.rows.filter((row) => row.product_id !== null).map((row) => row.event_name);
    expect(withProduct.sort()).toEqual(
      ["add_to_cart", "product_click", "product_updated", "product_view", "remove_from_cart", "wishlist_add", "wishlist_remove"].sort(),
    );
    const catalog = parsed.rows.find((row) => row.event_name === "product_updated");
    expect(catalog).toMatchObject({ anonymous_id: null, session_id: null, page_url: null, seq: null });
  });

  it("reads a version 1 line and never believes its body's user_id unless signed", () => {
    const v1 = { schema_version: 1, received_at: "2026-11-25T12:00:01.000Z", sent_at: "2026-11-25T12:00:00.500Z", user_agent: null };
    const parsed = parseRawObject(
      key,
      toNdjsonGzip([
        { ...v1, event: { ...pageViewV1(), user_id: "someone" } },
        { ...v1, trusted: true, event: { ...pageViewV1(), user_id: "someone" } },
      ]),
    );
    if (parsed.kind !== "events") throw new Error("expected events");
    expect(parsed.rejected).toEqual([]);
    expect(parsed.rows.map((row) => [row.event_version, row.user_id, row.trusted])).toEqual([
      [1, null, false],
      [1, "someone", true],
    ]);
  });

  it("calls a truncated or non-gzip object corrupt", () => {
    const whole = toNdjsonGzip([record()]);
    expect(parseRawObject(key, whole.subarray(0, whole.length - 8)).kind).toBe("corrupt");
    expect(parseRawObject(key, Buffer.from("plain text"))).toMatchObject({ kind: "corrupt", reason: expect.stringMatching(/gzip/) });
  });
});
