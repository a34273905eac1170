import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sampleProduct } from "../testing/event-factory.ts";
import { fakeBrowser, type Answer } from "../testing/fake-browser.ts";
import { LEASE_KEY } from "./identity-keys.ts";

const ENDPOINT = "https://ingest.test/v1/events";

async function twoTabs() {
  const browser = fakeBrowser({ url: "https://shop.test/", title: "Home" });
  const a = await browser.tab();
  const b = await browser.tab();
  a.setEndpoint(ENDPOINT);
  b.setEndpoint(ENDPOINT);
  await vi.advanceTimersByTimeAsync(0);
  return { browser, a, b };
}

const ids = (events: { event_id: string }[]) => events.map((event) => event.event_id);

describe("tracker tabs and page exits", () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.parse("2026-11-25T10:00:00Z") }));
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("never sends an event twice from two tabs over one storage", async () => {
    const { browser, a, b } = await twoTabs();
    for (let i = 0; i < 7; i++) {
      a.track("login", { method: "password" });
      b.track("logout", { method: "password" });
    }
    await vi.advanceTimersByTimeAsync(10_000);
    const sent = browser.sent();
    expect(sent).toHaveLength(14);
    expect(new Set(ids(sent)).size).toBe(14);
    expect(browser.queued()).toEqual([]);
  });

  it("lets no other tab send while one is waiting for its answer, and sends the rest after", async () => {
    const { browser, a, b } = await twoTabs();
    let answer!: (answer: Answer) => void;
    browser.state.answer = () => new Promise((resolve) => (answer = resolve));
    a.track("login", { method: "password" });
    await vi.advanceTimersByTimeAsync(2_100);
    expect(browser.requests).toHaveLength(1);
    b.track("wishlist_add", sampleProduct);
    await b.flush();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(browser.requests).toHaveLength(1);
    browser.state.answer = () => ({ status: 200, body: "{}" });
    answer({ status: 200, body: "{}" });
    await vi.advanceTimersByTimeAsync(5_000);
    const sent = browser.sent();
    expect(sent.map((event) => event.event_name).sort()).toEqual(["login", "wishlist_add"]);
    expect(browser.storage.getItem(LEASE_KEY)).toBeNull();
  });

  it("takes over the queue when the sending tab is gone and its lease expired", async () => {
    const { browser, a, b } = await twoTabs();
    browser.state.answer = () => new Promise<Answer>(() => {}); // tab a's request never ends: it closed
    a.track("login", { method: "password" });
    await vi.advanceTimersByTimeAsync(2_100);
    browser.state.answer = () => ({ status: 200, body: "{}" });
    b.track("logout", { method: "password" });
    await vi.advanceTimersByTimeAsync(12_000);
    const delivered = browser.requests.slice(1).flatMap((request) => JSON.parse(request.body).events.map((event: { event_name: string }) => event.event_name));
    expect(delivered.sort()).toEqual(["login", "logout"]);
  });

  it("beacons the queue with an engagement event when the page is hidden", async () => {
    const browser = fakeBrowser({ url: "https://shop.test/", title: "Home" });
    const tracker = await browser.tab();
    tracker.setEndpoint(ENDPOINT);
    await vi.advanceTimersByTimeAsync(0);
    tracker.trackPageEvent("page_view", {});
    await vi.advanceTimersByTimeAsync(500);
    browser.setVisible(false);
    expect(browser.beaconed().map((event) => event.event_name)).toEqual(["page_view", "engagement"]);
    expect(browser.queued()).toEqual([]);
    // pagehide right after: nothing left to say, nothing sent twice
    browser.listener("pagehide")(new Event("pagehide"));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(browser.beacons).toHaveLength(1);
    expect(browser.requests).toHaveLength(0);
  });

  it("beacons the rest of the queue when the page is hidden during a send", async () => {
    const browser = fakeBrowser({ url: "https://shop.test/", title: "Home" });
    const tracker = await browser.tab();
    tracker.setEndpoint(ENDPOINT);
    let answer!: (answer: Answer) => void;
    browser.state.answer = () => new Promise((resolve) => (answer = resolve));
    tracker.track("login", { method: "password" });
    await vi.advanceTimersByTimeAsync(2_100);
    tracker.track("wishlist_add", sampleProduct);
    tracker.track("logout", { method: "password" });
    browser.setVisible(false);
    const beaconed = browser.beaconed().map((event) => event.event_name);
    expect(beaconed.sort()).toEqual(["engagement", "logout", "wishlist_add"]);
    answer({ status: 200, body: "{}" });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(browser.sent().map((event) => event.event_name)).toEqual(["login"]);
    expect(browser.queued()).toEqual([]);
  });

  it("does not beacon the other half of a batch being split after a 413", async () => {
    const browser = fakeBrowser({ url: "https://shop.test/", title: "Home" });
    const tracker = await browser.tab();
    tracker.setEndpoint(ENDPOINT);
    await vi.advanceTimersByTimeAsync(0);
    let answer!: (answer: Answer) => void;
    browser.state.answer = (body) => (JSON.parse(body).events.length > 2 ? { status: 413 } : new Promise((resolve) => (answer = resolve)));
    for (let i = 0; i < 4; i++) tracker.track("wishlist_add", sampleProduct);
    await vi.advanceTimersByTimeAsync(2_100);
    expect(browser.requests).toHaveLength(2); // the batch of 4, then its first half, waiting
    browser.setVisible(false);
    expect(browser.beaconed().map((event) => event.event_name)).toEqual(["engagement"]);
    answer({ status: 200, body: "{}" });
    await vi.advanceTimersByTimeAsync(0);
    answer({ status: 200, body: "{}" });
    await vi.advanceTimersByTimeAsync(100);
    const delivered = browser.requests.slice(1).flatMap((request) => JSON.parse(request.body).events.map((event: { event_id: string }) => event.event_id));
    expect(delivered).toHaveLength(4);
    expect(new Set(delivered).size).toBe(4);
    expect(browser.queued()).toEqual([]);
  });

  it("keeps events the browser would not take as a beacon, and sends them later", async () => {
    const browser = fakeBrowser({ url: "https://shop.test/", title: "Home" });
    const tracker = await browser.tab();
    tracker.setEndpoint(ENDPOINT);
    await vi.advanceTimersByTimeAsync(0);
    browser.state.beaconAccepts = false;
    tracker.trackPageEvent("page_view", {});
    await vi.advanceTimersByTimeAsync(500);
    browser.setVisible(false);
    expect(browser.queued()).toHaveLength(2);
    browser.setVisible(true);
    await vi.advanceTimersByTimeAsync(2_100);
    expect(browser.sent().map((event) => event.event_name)).toEqual(["page_view", "engagement"]);
  });

  it("hands a batch in flight to its request when the page goes away, and frees the lease for the next page", async () => {
    const browser = fakeBrowser({ url: "https://shop.test/", title: "Home" });
    const first = await browser.tab();
    first.setEndpoint(ENDPOINT);
    browser.state.answer = () => new Promise<Answer>(() => {}); // the page goes before the answer comes
    first.track("login", { method: "password" });
    await vi.advanceTimersByTimeAsync(2_100);
    expect(browser.requests).toHaveLength(1);
    browser.listener("pagehide")(new Event("pagehide"));
    expect(browser.storage.getItem(LEASE_KEY)).toBeNull();

    browser.state.answer = () => ({ status: 200, body: "{}" });
    const next = await browser.reload();
    next.setEndpoint(ENDPOINT);
    next.track("logout", { method: "password" });
    await vi.advanceTimersByTimeAsync(2_200);
    const names = browser.all().map((event) => event.event_name);
    // Within the batch delay, not after a dead page's lease ran out; and the login only once.
    expect(names).toContain("logout");
    expect(names.filter((name) => name === "login")).toHaveLength(1);
  });

  it("leaves the beacon to the tab that is sending", async () => {
    const { browser, a, b } = await twoTabs();
    let answer!: (answer: Answer) => void;
    browser.state.answer = () => new Promise((resolve) => (answer = resolve));
    a.track("login", { method: "password" });
    await vi.advanceTimersByTimeAsync(2_100);
    b.track("logout", { method: "password" });
    b.hide();
    expect(browser.beacons).toHaveLength(0);
    browser.state.answer = () => ({ status: 200, body: "{}" });
    answer({ status: 200, body: "{}" });
    await vi.advanceTimersByTimeAsync(100);
    expect(browser.sent().map((event) => event.event_name).sort()).toEqual(["engagement", "login", "logout"]);
  });
});
