import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sampleProduct } from "../testing/event-factory.ts";
import { fakeBrowser, type Answer } from "../testing/fake-browser.ts";
import { MAX_BODY_BYTES, MAX_QUEUE } from "./limits.ts";

const ENDPOINT = "https://ingest.test/v1/events";

async function start(answers: Answer[] = []) {
  const browser = fakeBrowser({ url: "https://shop.test/products/x", title: "X" });
  browser.state.answer = () => answers.shift() ?? { status: 200, body: '{"accepted":1,"rejected":[]}' };
  const tracker = await browser.tab();
  tracker.setEndpoint(ENDPOINT);
  // setEndpoint sends what an earlier page left queued at once.
  await vi.advanceTimersByTimeAsync(0);
  return { browser, tracker };
}

/** A valid search event of about `kib` KiB, in three-byte characters (UTF-8 counts bytes, not characters). */
const bigSearch = (kib: number, value = "€".repeat(200)) => ({
  query: "gpu",
  filters: Object.fromEntries(Array.from({ length: Math.ceil((kib * 1024) / 620) }, (_, i) => [`f${i}`, value])),
  sort: null,
  page: 1,
  result_count: 3,
});

const eventsPerRequest = (browser: ReturnType<typeof fakeBrowser>) => browser.requests.map((request) => JSON.parse(request.body).events.length);

describe("tracker delivery", () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.parse("2026-11-25T10:00:00Z") }));
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("sends a batch 2 s after the first event, as one valid v2 envelope", async () => {
    const { browser, tracker } = await start();
    tracker.trackPageEvent("page_view", {});
    tracker.track("add_to_cart", { ...sampleProduct, quantity: 1 });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(browser.requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(browser.sent().map((event) => event.event_name)).toEqual(["page_view", "add_to_cart"]);
    expect(browser.requests[0]).toMatchObject({ url: ENDPOINT, init: { method: "POST", keepalive: true, credentials: "include" } });
    expect(browser.queued()).toEqual([]);
  });

  it("sends at once when 10 events are queued", async () => {
    const { browser, tracker } = await start();
    for (let i = 1; i <= 10; i++) tracker.track("product_click", { ...sampleProduct, list_type: "home", list_id: "deals", position: i });
    await vi.advanceTimersByTimeAsync(100);
    expect(eventsPerRequest(browser)).toEqual([10]);
  });

  it("holds events until it knows the endpoint, then sends them", async () => {
    const browser = fakeBrowser();
    const tracker = await browser.tab();
    tracker.trackPageEvent("page_view", {});
    await vi.advanceTimersByTimeAsync(10_000);
    expect(browser.requests).toHaveLength(0);
    tracker.setEndpoint(ENDPOINT);
    await vi.advanceTimersByTimeAsync(100);
    expect(browser.sent()).toHaveLength(1);
  });

  it("keeps every request body under 60 KiB of UTF-8 and at most 100 events", async () => {
    const { browser, tracker } = await start();
    for (let i = 0; i < 12; i++) tracker.track("search", bigSearch(20));
    for (let i = 0; i < 150; i++) tracker.track("wishlist_add", sampleProduct);
    await vi.advanceTimersByTimeAsync(5_000);
    for (const request of browser.requests) expect(new Blob([request.body]).size).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect(Math.max(...eventsPerRequest(browser))).toBeLessThanOrEqual(100);
    expect(browser.sent()).toHaveLength(162);
    expect(new Set(browser.sent().map((event) => event.event_id)).size).toBe(162);
  });

  it("cuts an event too large to send down to fit, and sets aside one that still cannot", async () => {
    const { browser, tracker } = await start();
    tracker.track("search", bigSearch(70));
    const items = Array.from({ length: 100 }, (_, i) => ({
      ...sampleProduct,
      name: "é".repeat(300),
      slug: "s".repeat(200),
      brand: "€".repeat(100),
      category: "€".repeat(100),
      position: i + 1,
    }));
    tracker.track("product_list_view", { list_type: "home", list_id: "all", items });
    tracker.trackPageEvent("page_view", {});
    await vi.advanceTimersByTimeAsync(3_000);
    const [search, pageView, ...rest] = browser.sent();
    expect(rest).toEqual([]);
    expect(search?.event_name).toBe("search");
    for (const value of Object.values((search!.properties as { filters: Record<string, string> }).filters)) expect(value).toHaveLength(100);
    expect(pageView?.event_name).toBe("page_view");
  });

  it("splits a batch the ingest refuses as too large (413) and never drops it whole", async () => {
    const { browser, tracker } = await start();
    browser.state.answer = (body) => (JSON.parse(body).events.length > 3 ? { status: 413 } : { status: 200, body: "{}" });
    for (let i = 0; i < 10; i++) tracker.track("wishlist_add", sampleProduct);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(eventsPerRequest(browser)).toEqual([10, 5, 2, 3, 5, 2, 3]);
    expect(browser.queued()).toEqual([]);
    const delivered = browser.requests.filter((request) => JSON.parse(request.body).events.length <= 3);
    const ids = delivered.flatMap((request) => JSON.parse(request.body).events.map((event: { event_id: string }) => event.event_id));
    expect(new Set(ids).size).toBe(10);
  });

  it("drops only the one event a 413 refuses on its own", async () => {
    const { browser, tracker } = await start();
    browser.state.answer = (body) => (body.includes('"logout"') ? { status: 413 } : { status: 200, body: "{}" });
    tracker.track("login", { method: "password" });
    tracker.track("logout", { method: "password" });
    tracker.track("wishlist_add", sampleProduct);
    await vi.advanceTimersByTimeAsync(3_000);
    const accepted = browser.requests.filter((request) => !request.body.includes('"logout"'));
    expect(accepted.flatMap((request) => JSON.parse(request.body).events.map((event: { event_name: string }) => event.event_name)).sort()).toEqual(["login", "wishlist_add"]);
    expect(browser.queued()).toEqual([]);
  });

  it("drops only the events a 400 rejects by index and sends the rest again", async () => {
    const { browser, tracker } = await start();
    browser.state.answer = (body) => {
      if (browser.requests.length > 1) return { status: 200, body: "{}" };
      const index = JSON.parse(body).events.findIndex((event: { event_name: string }) => event.event_name == "wishlist_add");
      return { status: 400, body: JSON.stringify({ error: "bad", rejected: [{ index, reason: "x" }] }) };
    };
    tracker.track("login", { method: "password" });
    tracker.track("wishlist_add", sampleProduct);
    tracker.track("logout", { method: "password" });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(eventsPerRequest(browser)).toEqual([3, 2]);
    const resent = JSON.parse(browser.requests[1]!.body).events.map((event: { event_name: string }) => event.event_name);
    expect(resent.sort()).toEqual(["login", "logout"]);
    expect(browser.queued()).toEqual([]);
  });

  it("takes a 200 with rejected events as done, and a 400 without a list as a refused batch", async () => {
    const { browser, tracker } = await start([{ status: 200, body: '{"accepted":1,"rejected":[{"index":0,"reason":"x"}]}' }, { status: 400, body: '{"error":"not a batch"}' }]);
    tracker.track("login", { method: "password" });
    tracker.track("logout", { method: "password" });
    await vi.advanceTimersByTimeAsync(3_000);
    tracker.track("login", { method: "password" });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(eventsPerRequest(browser)).toEqual([2, 1]);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(browser.requests).toHaveLength(2);
    expect(browser.queued()).toEqual([]);
  });

  it("retries with exponential backoff and jitter, keeping each event's id and seq", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.999_999);
    const { browser, tracker } = await start([{ status: 0 }, { status: 503 }, { status: 429 }, { status: 408 }]);
    tracker.trackPageEvent("page_view", {});
    await vi.advanceTimersByTimeAsync(2_050);
    expect(browser.requests).toHaveLength(1);
    // then 1, 2, 4 and 8 s (jitter at its top), each followed by the 50 ms lease check
    for (const [delay, count] of [[1_000, 2], [2_000, 3], [4_000, 4], [8_000, 5]] as const) {
      await vi.advanceTimersByTimeAsync(delay - 1);
      expect(browser.requests).toHaveLength(count - 1);
      await vi.advanceTimersByTimeAsync(51);
      expect(browser.requests).toHaveLength(count);
    }
    const bodies = browser.requests.map((request) => JSON.parse(request.body).events[0]);
    expect(new Set(bodies.map((event) => `${event.event_id}/${event.seq}`)).size).toBe(1);
    expect(browser.queued()).toEqual([]);
  });

  it("spreads retries with jitter: half the backoff at the least", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { browser, tracker } = await start([{ status: 502 }, { status: 502 }]);
    tracker.trackPageEvent("page_view", {});
    await vi.advanceTimersByTimeAsync(2_050);
    await vi.advanceTimersByTimeAsync(550);
    expect(browser.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_050);
    expect(browser.requests).toHaveLength(3);
  });

  it("caps the backoff at a minute", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.999_999);
    const { browser, tracker } = await start(Array.from({ length: 20 }, () => ({ status: 503 })));
    tracker.trackPageEvent("page_view", {});
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    const gaps = browser.requests.length;
    await vi.advanceTimersByTimeAsync(60_100);
    expect(browser.requests.length).toBe(gaps + 1);
  });

  it("keeps the queue in storage across a reload and sends it from the new page", async () => {
    const { browser, tracker } = await start(Array.from({ length: 50 }, () => ({ status: 0 })));
    tracker.trackPageEvent("page_view", {});
    tracker.track("wishlist_add", sampleProduct);
    await vi.advanceTimersByTimeAsync(2_100);
    const offline = JSON.parse(browser.requests[0]!.body).events.sort((a: { seq: number }, b: { seq: number }) => a.seq - b.seq);
    expect(browser.queued()).toHaveLength(2);

    browser.state.answer = () => ({ status: 200, body: "{}" });
    browser.requests.length = 0;
    const reloaded = await browser.reload();
    reloaded.setEndpoint(ENDPOINT);
    await vi.advanceTimersByTimeAsync(100);
    expect(browser.sent().map((event) => [event.event_id, event.seq])).toEqual(offline.map((event: { event_id: string; seq: number }) => [event.event_id, event.seq]));
    expect(browser.queued()).toEqual([]);
  });

  it("bounds the queue, dropping the oldest events", async () => {
    const { browser, tracker } = await start(Array.from({ length: 1_000 }, () => ({ status: 0 })));
    for (let i = 0; i < MAX_QUEUE + 20; i++) {
      vi.advanceTimersByTime(1);
      tracker.track("login", { method: "password" });
    }
    const queued = browser.queued().map((key) => JSON.parse(browser.storage.getItem(key)!).seq as number);
    expect(queued).toHaveLength(MAX_QUEUE);
    expect(Math.min(...queued)).toBe(21);
  });
});
