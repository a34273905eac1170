import { describe, expect, it, vi, afterEach, beforeEach } from "vitest";
import { batchEnvelopeSchema, trackedEventSchema } from "../schema.ts";
import { sampleProduct } from "../testing/event-factory.ts";
import { safeStore, SESSION_TIMEOUT_MS } from "./identity.ts";
import { BrowserTracker, type Transport } from "./tracker.ts";

function setup(statuses: number[] = []) {
  const sent: string[] = [];
  const transport: Transport = async (_endpoint, body) => {
    sent.push(body);
    return statuses.shift() ?? 200;
  };
  let now = Date.parse("2026-11-25T10:00:00Z");
  const tracker = new BrowserTracker({
    endpoint: "http://ingest.test/v1/events",
    transport,
    store: safeStore(() => undefined),
    now: () => now,
    page: () => ({ url: "http://shop.test/products/x", path: "/products/x", referrer: null, title: "X" }),
    flushDelayMs: 100,
  });
  const events = () => sent.flatMap((body) => batchEnvelopeSchema.parse(JSON.parse(body)).events);
  return { tracker, sent, events, advance: (ms: number) => (now += ms) };
}

describe("BrowserTracker", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends events queued together in one valid batch", async () => {
    const { tracker, sent, events, advance } = setup();
    tracker.track("page_view", {});
    advance(5);
    tracker.track("product_view", sampleProduct);
    await vi.advanceTimersByTimeAsync(100);
    expect(sent).toHaveLength(1);
    const batch = events();
    expect(batch.map((event) => trackedEventSchema.parse(event).event_name)).toEqual(["page_view", "product_view"]);
  });

  it("keeps one anonymous id and one session id while the visitor is active", async () => {
    const { tracker, events, advance } = setup();
    tracker.track("page_view", {});
    advance(SESSION_TIMEOUT_MS - 1);
    tracker.track("product_view", sampleProduct);
    advance(SESSION_TIMEOUT_MS + 1);
    tracker.track("page_view", {});
    await vi.advanceTimersByTimeAsync(100);
    const [a, b, c] = events().map((event) => trackedEventSchema.parse(event));
    expect(new Set([a?.anonymous_id, b?.anonymous_id, c?.anonymous_id]).size).toBe(1);
    expect(a?.session_id).toBe(b?.session_id);
    expect(c?.session_id).not.toBe(b?.session_id);
  });

  it("retries a batch that did not arrive, with backoff, and loses nothing", async () => {
    const { tracker, sent, events } = setup([0, 503]);
    tracker.track("page_view", {});
    await vi.advanceTimersByTimeAsync(100);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(3);
    const ids = events().map((event) => trackedEventSchema.parse(event).event_id);
    expect(new Set(ids).size).toBe(1);
    expect(tracker.pending).toBe(0);
  });

  it("drops a batch the server refuses as invalid instead of retrying forever", async () => {
    const { tracker, sent } = setup([400]);
    tracker.track("page_view", {});
    await vi.advanceTimersByTimeAsync(100);
    expect(tracker.pending).toBe(0);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sent).toHaveLength(1);
  });

  it("ignores the same view reported twice in a row (React strict mode)", async () => {
    const { tracker, events, advance } = setup();
    expect(tracker.track("page_view", {})).not.toBeNull();
    expect(tracker.track("page_view", {})).toBeNull();
    advance(1_000);
    expect(tracker.track("page_view", {})).not.toBeNull();
    await vi.advanceTimersByTimeAsync(100);
    expect(events()).toHaveLength(2);
  });

  it("ignores a repeat even when another event came in between (effects re-run on mount)", async () => {
    const { tracker, events } = setup();
    expect(tracker.track("product_view", sampleProduct)).not.toBeNull();
    expect(tracker.track("page_view", {})).not.toBeNull();
    expect(tracker.track("product_view", sampleProduct)).toBeNull();
    expect(tracker.track("page_view", {})).toBeNull();
    await vi.advanceTimersByTimeAsync(100);
    expect(events().map((event) => trackedEventSchema.parse(event).event_name)).toEqual(["product_view", "page_view"]);
  });

  it("gives a page reached in the app the previous page as its referrer", async () => {
    let page = { url: "http://shop.test/", path: "/", referrer: "https://search.test/", title: "Home" };
    const sent: string[] = [];
    const tracker = new BrowserTracker({
      endpoint: "http://ingest.test/v1/events",
      transport: async (_e, body) => (sent.push(body), 200),
      store: safeStore(() => undefined),
      page: () => page,
    });
    tracker.track("page_view", {});
    page = { ...page, url: "http://shop.test/products/x", path: "/products/x", title: "X" };
    tracker.track("product_view", sampleProduct);
    tracker.track("page_view", {});
    await vi.advanceTimersByTimeAsync(1_000);
    const referrers = sent
      .flatMap((body) => batchEnvelopeSchema.parse(JSON.parse(body)).events)
      .map((event) => trackedEventSchema.parse(event).page.referrer);
    expect(referrers).toEqual(["https://search.test/", "http://shop.test/", "http://shop.test/"]);
  });

  it("holds events until it knows where to send them", async () => {
    const sent: string[] = [];
    const tracker = new BrowserTracker({
      transport: async (_e, body) => (sent.push(body), 200),
      store: safeStore(() => undefined),
      page: () => ({ url: "http://shop.test/", path: "/", referrer: null, title: "" }),
    });
    tracker.track("page_view", {});
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toHaveLength(0);
    tracker.setEndpoint("http://ingest.test/v1/events");
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
  });

  it("splits a large queue into batches the ingest accepts", async () => {
    const { tracker, sent, advance } = setup();
    for (let i = 0; i < 250; i += 1) {
      advance(1_001);
      tracker.track("page_view", {});
    }
    await vi.advanceTimersByTimeAsync(100);
    expect(sent.map((body) => batchEnvelopeSchema.parse(JSON.parse(body)).events.length)).toEqual([100, 100, 50]);
  });
});
