import { describe, expect, it } from "vitest";
import { MAX_BATCH_BYTES, MAX_URL_LENGTH, rawEventRecordSchema, rejectedEventRecordSchema, type TrackedEvent } from "../lib/tracking/schema.ts";
import { batchBody, oneOfEach, pageView, pageViewV1, productUpdated, productView, purchase, visitorEvent } from "../lib/tracking/testing/event-factory.ts";
import { USER_ID_FROM_BROWSER } from "./check-event.ts";
import { processBatch, type BatchRequest } from "./process-batch.ts";

const receivedAt = new Date("2026-11-25T12:00:00.000Z");
const sentAt = new Date("2026-11-25T11:59:59.000Z");

function run(body: string, overrides: Partial<BatchRequest> = {}) {
  const decision = processBatch({ body, receivedAt, userAgent: "Mozilla/5.0 test", sourceIp: "203.0.113.77", userId: null, trusted: false, ...overrides });
  if (decision.kind !== "batch") throw new Error(`expected a batch, got ${decision.status}: ${decision.message}`);
  for (const record of decision.accepted) rawEventRecordSchema.parse(record);
  for (const record of decision.rejected) rejectedEventRecordSchema.parse(record);
  return decision;
}

/** Events stamped at a fixed time, so derived times are known. */
const at = <E extends TrackedEvent>(event: E, occurredAt = "2026-11-25T11:59:58.000Z"): E => ({ ...event, occurred_at: occurredAt });

describe("processBatch", () => {
  it("keeps every valid event as sent, with what the ingest knew at the edge", () => {
    const events = [at(pageView()), at(productView())];
    const geo = { country: "GB", region: "England", city: "London", source: "dbip" } as const;
    const decision = run(batchBody(events, sentAt), { userId: "sub-1", geo });
    expect(decision.rejected).toEqual([]);
    expect(decision.accepted).toEqual(
      events.map((event) => ({
        schema_version: 2,
        event_version: 2,
        received_at: receivedAt.toISOString(),
        sent_at: sentAt.toISOString(),
        derived_at: "2026-11-25T11:59:59.000Z",
        user_agent: "Mozilla/5.0 test",
        client_ip: "203.0.113.0",
        geo,
        user_id: "sub-1",
        trusted: false,
        flags: [],
        event,
      })),
    );
  });

  it("keeps an event byte for byte as it arrived: key order and odd keys included", () => {
    const search = visitorEvent("search", { query: "q", filters: { brand: "asus" }, sort: null, page: 1, result_count: 0 });
    const sent = JSON.stringify(search).replace('"brand":"asus"', '"__proto__":"x","brand":"asus"');
    const body = `{"events":[${sent}],"sent_at":"${sentAt.toISOString()}","schema_version":2}`;
    expect(JSON.stringify(run(body).accepted[0]?.event)).toBe(sent);
  });

  it("keeps every event name of the taxonomy from the shop's signed server", () => {
    const events = oneOfEach();
    const decision = run(batchBody(events), { trusted: true });
    expect(decision.rejected).toEqual([]);
    expect(decision.accepted.map((record) => record.event)).toEqual(events);
  });

  it("sets a malformed event aside with its reason and keeps its neighbours", () => {
    const good = [pageView(), productView()];
    const bad = { ...pageView(), anonymous_id: "not-a-uuid" };
    const decision = run(batchBody([good[0], bad, good[1]]));
    expect(decision.accepted.map((record) => record.event)).toEqual(good);
    expect(decision.rejected).toEqual([
      { schema_version: 2, received_at: receivedAt.toISOString(), index: 1, reason: expect.stringMatching(/^anonymous_id: /), payload: bad },
    ]);
  });

  it("keeps the first of two events with the same id", () => {
    const event = pageView();
    const decision = run(batchBody([event, event]));
    expect(decision.accepted).toHaveLength(1);
    expect(decision.rejected[0]).toMatchObject({ index: 1, reason: "duplicate event_id in batch" });
  });

  it("answers 400 with a clear message for a body that is not a batch", () => {
    const request = { receivedAt, userAgent: null, sourceIp: null, userId: null, trusted: false };
    expect(processBatch({ ...request, body: "{oops" })).toEqual({ kind: "invalid-request", status: 400, message: "body is not valid JSON" });
    const notBatch = processBatch({ ...request, body: JSON.stringify({ events: "none" }) });
    expect(notBatch).toMatchObject({ kind: "invalid-request", status: 400, message: expect.stringMatching(/^not a valid event batch: .*events/) });
    expect(processBatch({ ...request, body: batchBody([]) })).toMatchObject({ status: 400 });
    expect(processBatch({ ...request, body: batchBody([pageView()], new Date(), 3) })).toMatchObject({ status: 400, message: expect.stringMatching(/schema_version/) });
  });

  it("answers 413 for a body over the size limit", () => {
    const padded = batchBody([{ ...pageView(), pad: "x".repeat(MAX_BATCH_BYTES) }]);
    const decision = processBatch({ body: padded, receivedAt, userAgent: null, sourceIp: null, userId: null, trusted: false });
    expect(decision).toMatchObject({ kind: "invalid-request", status: 413 });
  });

  it("truncates an absurd user agent", () => {
    expect(run(batchBody([pageView()]), { userAgent: "U".repeat(5000) }).accepted[0]?.user_agent).toHaveLength(1024);
  });
});

describe("processBatch with a version 1 batch (a tab opened before version 2)", () => {
  it("validates its events with the version 1 schema and stores them with event_version 1", () => {
    const event = { ...pageViewV1(), occurred_at: "2026-11-25T11:59:58.000Z" };
    const decision = run(batchBody([event], sentAt, 1), { userId: "sub-verified" });
    expect(decision.rejected).toEqual([]);
    expect(decision.accepted).toEqual([
      expect.objectContaining({ schema_version: 2, event_version: 1, derived_at: "2026-11-25T11:59:59.000Z", user_id: "sub-verified", event }),
    ]);
  });

  it("keeps the body's user_id as sent but never believes it", () => {
    const event = { ...pageViewV1(), user_id: "claimed-by-the-browser" };
    const decision = run(batchBody([event], sentAt, 1));
    expect(decision.accepted).toEqual([expect.objectContaining({ event_version: 1, user_id: null, event })]);
  });

  it("refuses events of the other version", () => {
    expect(run(batchBody([pageView()], sentAt, 1)).rejected).toHaveLength(1);
    expect(run(batchBody([pageViewV1()], sentAt, 2)).rejected).toHaveLength(1);
  });
});

describe("processBatch's trust rules", () => {
  it("takes server-only events from signed server requests only, and marks what it keeps as trusted", () => {
    const order = purchase();
    const product = productUpdated();
    const fromBrowser = run(batchBody([pageView(), order, product]));
    expect(fromBrowser.accepted).toHaveLength(1);
    expect(fromBrowser.rejected).toEqual([
      expect.objectContaining({ index: 1, reason: "purchase events are accepted from the shop's server only (signed requests)", payload: order }),
      expect.objectContaining({ index: 2, reason: "product_updated events are accepted from the shop's server only (signed requests)" }),
    ]);

    const fromServer = run(batchBody([order, product]), { userAgent: "compushop-server", trusted: true });
    expect(fromServer.rejected).toEqual([]);
    expect(fromServer.accepted).toEqual([expect.objectContaining({ trusted: true, event: order }), expect.objectContaining({ trusted: true, event: product })]);
  });

  it("refuses a browser's purchase for what it is, even when it is malformed", () => {
    const v1Purchase = { ...pageViewV1(), event_name: "purchase", properties: {} };
    expect(run(batchBody([v1Purchase], sentAt, 1)).rejected[0]?.reason).toMatch(/^purchase events are accepted from the shop's server only/);
    expect(run(batchBody([{ event_name: "purchase" }])).rejected[0]?.reason).toMatch(/^purchase events are accepted from the shop's server only/);
  });

  it("refuses a purchase whose totals do not add up, even from the server", () => {
    const order = purchase();
    const inflated = { ...order, properties: { ...order.properties, revenue_cents: order.properties.revenue_cents + 1 } };
    expect(run(batchBody([inflated]), { trusted: true }).rejected[0]?.reason).toMatch(/revenue_cents must be subtotal_cents \+ shipping_cents/);
  });

  it("refuses a browser's version 2 event that names its user, and keeps a signed one's", () => {
    const claimed = pageView({ user_id: "someone-else" });
    const fromBrowser = run(batchBody([claimed, pageView()]), { userId: "sub-1" });
    expect(fromBrowser.rejected).toEqual([expect.objectContaining({ index: 0, reason: USER_ID_FROM_BROWSER, payload: claimed })]);
    expect(fromBrowser.accepted).toEqual([expect.objectContaining({ user_id: "sub-1" })]);

    const fromServer = run(batchBody([claimed]), { trusted: true });
    expect(fromServer.accepted).toEqual([expect.objectContaining({ user_id: null, trusted: true, event: claimed })]);
  });
});

describe("processBatch's field limits", () => {
  it("keeps an event with an over-long URL, title or click text, cut and flagged", () => {
    const longUrl = `http://127.0.0.1:3000/search?q=${"rtx+".repeat(1000)}`;
    const view = pageView({ page: { url: longUrl, path: "/search", referrer: null, title: "T".repeat(600) } });
    const click = visitorEvent("click", { tag: "a", href: "/deals", text: "D".repeat(300) });
    const decision = run(batchBody([view, click]));
    expect(decision.rejected).toEqual([]);
    const [viewRecord, clickRecord] = decision.accepted;
    expect(viewRecord?.flags).toEqual(["page_url_truncated", "page_title_truncated"]);
    expect(viewRecord?.event).toEqual({ ...view, page: { ...view.page, url: longUrl.slice(0, MAX_URL_LENGTH), title: "T".repeat(512) } });
    expect(clickRecord?.flags).toEqual(["click_text_truncated"]);
    expect(clickRecord?.event).toEqual({ ...click, properties: { ...click.properties, text: "D".repeat(160) } });
  });

  it("cuts a version 1 event's page too", () => {
    const event = { ...pageViewV1(), page: { url: "http://127.0.0.1:3000/", path: "/", referrer: null, title: "T".repeat(600) } };
    expect(run(batchBody([event], new Date(), 1)).accepted[0]).toMatchObject({ event_version: 1, flags: ["page_title_truncated"] });
  });

  it("still rejects what is not a string, and fields without a cut", () => {
    const base = pageView();
    const numericUrl = { ...base, page: { ...base.page, url: 12345 } };
    const longPath = { ...pageView(), page: { ...base.page, path: `/${"p".repeat(3000)}` } };
    const decision = run(batchBody([numericUrl, longPath]));
    expect(decision.accepted).toEqual([]);
    expect(decision.rejected.map(({ index, reason }) => [index, reason.split(":")[0]])).toEqual([
      [0, "page.url"],
      [1, "page.path"],
    ]);
    // The rejected event is stored as it arrived, not as it was cut.
    expect(decision.rejected[1]?.payload).toEqual(longPath);
  });
});

describe("processBatch's times", () => {
  it("derives each event's time from the batch's clock, and flags the impossible and the stale", () => {
    // The device's clock is two hours behind: it sent at 10:00 what the ingest received at 12:00.
    const deviceSent = new Date("2026-11-25T10:00:00.000Z");
    const events = [at(pageView(), "2026-11-25T09:59:00.000Z"), at(pageView(), "2026-11-25T10:15:00.000Z"), at(pageView(), "2026-10-20T10:00:00.000Z")];
    const decision = run(batchBody(events, deviceSent));
    expect(decision.accepted.map(({ derived_at, flags, event }) => ({ derived_at, flags, occurred_at: event.occurred_at }))).toEqual([
      { derived_at: "2026-11-25T11:59:00.000Z", flags: [], occurred_at: "2026-11-25T09:59:00.000Z" },
      { derived_at: "2026-11-25T12:15:00.000Z", flags: ["occurred_in_future"], occurred_at: "2026-11-25T10:15:00.000Z" },
      { derived_at: "2026-10-20T12:00:00.000Z", flags: ["occurred_long_ago"], occurred_at: "2026-10-20T10:00:00.000Z" },
    ]);
  });
});

describe("processBatch's client address", () => {
  it.each([
    ["203.0.113.77", "203.0.113.0"],
    ["2001:db8:1:2::77", "2001:db8:1::"],
    ["::ffff:198.51.100.9", "198.51.100.0"],
    ["garbage", null],
    [null, null],
  ])("keeps %s as %s", (sourceIp, clientIp) => {
    const decision = run(batchBody([pageView()]), { sourceIp });
    expect(decision.accepted[0]?.client_ip).toBe(clientIp);
    if (sourceIp) expect(JSON.stringify(decision)).not.toContain(sourceIp);
  });
});
