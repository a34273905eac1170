import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sampleProduct } from "../testing/event-factory.ts";
import { fakeBrowser } from "../testing/fake-browser.ts";
import { ANONYMOUS_ID_COOKIE, SESSION_ID_COOKIE } from "./identity-keys.ts";
import { SESSION_TIMEOUT_MS } from "./limits.ts";

const ENDPOINT = "https://ingest.test/v1/events";
const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/;

async function start(url = "https://shop.test/") {
  const browser = fakeBrowser({ url, title: "Home", referrer: "https://search.test/?q=gpu" });
  const tracker = await browser.tab();
  tracker.setEndpoint(ENDPOINT);
  await vi.advanceTimersByTimeAsync(0);
  return { browser, tracker };
}

describe("tracker identity", () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.parse("2026-11-25T10:00:00Z") }));
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("keeps the anonymous id and session in first-party cookies the shop's server reads", async () => {
    const { browser, tracker } = await start();
    tracker.trackPageEvent("page_view", {});
    await vi.advanceTimersByTimeAsync(2_100);
    const [event] = browser.sent();
    expect(browser.cookie(ANONYMOUS_ID_COOKIE)).toBe(event?.anonymous_id);
    expect(browser.cookie(SESSION_ID_COOKIE)).toBe(`${event?.session_id}|${Date.parse("2026-11-25T10:00:00Z")}`);
    expect(event?.anonymous_id).toMatch(UUID);
    const writes = browser.cookieWrites.filter((write) => !write.includes("max-age=0"));
    expect(writes).toContain(`${ANONYMOUS_ID_COOKIE}=${event?.anonymous_id};path=/;max-age=31536000;samesite=lax;secure`);
    expect(writes.some((write) => write.startsWith(`${SESSION_ID_COOKIE}=`) && write.endsWith(";path=/;max-age=1800;samesite=lax;secure"))).toBe(true);
  });

  it("leaves Secure out on plain http (local development)", async () => {
    const { browser, tracker } = await start("http://127.0.0.1:3000/");
    tracker.trackPageEvent("page_view", {});
    expect(browser.cookieWrites.filter((write) => write.startsWith("cs_aid=") && !write.includes("max-age=0"))[0]).toMatch(/;samesite=lax$/);
  });

  it("never sends a user_id: the ingest takes it from the sign-in", async () => {
    const { browser, tracker } = await start();
    browser.document.cookie = "CognitoIdentityServiceProvider.client123.LastAuthUser=ada%40example.com";
    tracker.trackPageEvent("page_view", {});
    await vi.advanceTimersByTimeAsync(2_100);
    const raw = JSON.parse(browser.requests[0]!.body).events[0];
    expect(raw).not.toHaveProperty("user_id");
    expect(raw.context.logged_in).toBe(true);
  });

  it("says logged_in false without Amplify's cookie", async () => {
    const { browser, tracker } = await start();
    tracker.trackPageEvent("page_view", {});
    await vi.advanceTimersByTimeAsync(2_100);
    expect(browser.sent()[0]?.context.logged_in).toBe(false);
  });

  it("numbers the visitor's events from 1 without gaps, across pages, reloads and tabs", async () => {
    const { browser, tracker } = await start();
    tracker.trackPageEvent("page_view", {});
    tracker.track("wishlist_add", sampleProduct);
    tracker.trackPageEvent("page_view", {}); // a repeat: no event, no number
    vi.advanceTimersByTime(1_000);
    browser.navigate("/products/x", "X");
    tracker.trackPageEvent("product_view", sampleProduct); // after an engagement event for the home page
    await vi.advanceTimersByTimeAsync(2_100);
    const reloaded = await browser.reload();
    reloaded.setEndpoint(ENDPOINT);
    reloaded.trackPageEvent("page_view", {});
    const other = await browser.tab();
    other.setEndpoint(ENDPOINT);
    other.track("login", { method: "password" });
    reloaded.track("logout", { method: "password" });
    await vi.advanceTimersByTimeAsync(5_000);
    const seqs = browser.sent().map((event) => event.seq);
    expect(seqs.sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(browser.sent().map((event) => event.anonymous_id)).size).toBe(1);
  });

  it("rolls the session after 30 minutes without events, shared by the visitor's tabs", async () => {
    const { browser, tracker } = await start();
    tracker.track("login", { method: "password" });
    vi.advanceTimersByTime(SESSION_TIMEOUT_MS - 1);
    const other = await browser.tab();
    other.track("wishlist_add", sampleProduct);
    vi.advanceTimersByTime(SESSION_TIMEOUT_MS - 1);
    tracker.track("wishlist_remove", sampleProduct);
    vi.advanceTimersByTime(SESSION_TIMEOUT_MS);
    tracker.track("logout", { method: "password" });
    await vi.advanceTimersByTimeAsync(5_000);
    const byName = Object.fromEntries(browser.sent().map((event) => [event.event_name, event]));
    expect(byName.wishlist_add?.session_id).toBe(byName.login?.session_id);
    expect(byName.wishlist_remove?.session_id).toBe(byName.login?.session_id);
    expect(byName.logout?.session_id).not.toBe(byName.login?.session_id);
    expect(byName.logout?.session_id).toMatch(UUID);
    expect(byName.logout?.anonymous_id).toBe(byName.login?.anonymous_id);
    expect(byName.login?.context.first_visit).toBe(true);
    expect(byName.wishlist_remove?.context.first_visit).toBe(true);
    expect(byName.logout?.context.first_visit).toBe(false);
  });

  it("knows a returning visitor by the cookie: not a first visit", async () => {
    const browser = fakeBrowser();
    browser.document.cookie = `${ANONYMOUS_ID_COOKIE}=0191e0a4-3c1b-4c2d-9e8f-0123456789ab;path=/`;
    const tracker = await browser.tab();
    tracker.setEndpoint(ENDPOINT);
    tracker.trackPageEvent("page_view", {});
    await vi.advanceTimersByTimeAsync(2_100);
    expect(browser.sent()[0]).toMatchObject({ anonymous_id: "0191e0a4-3c1b-4c2d-9e8f-0123456789ab", seq: 1, context: { first_visit: false } });
  });

  it("attaches the landing campaign to the page views of its session only", async () => {
    const { browser, tracker } = await start("https://shop.test/?utm_source=news&utm_medium=email&utm_campaign=bf&gclid=G1&token=x");
    tracker.trackPageEvent("page_view", {});
    tracker.track("login", { method: "password" });
    browser.navigate("/products/x", "X");
    tracker.trackPageEvent("page_view", {});
    vi.advanceTimersByTime(SESSION_TIMEOUT_MS);
    browser.navigate("/deals", "Deals");
    tracker.trackPageEvent("page_view", {});
    await vi.advanceTimersByTimeAsync(5_000);
    const views = browser.sent().filter((event) => event.event_name == "page_view");
    const campaign = { source: "news", medium: "email", name: "bf", click_id_param: "gclid", click_id: "G1" };
    expect(views.map((event) => event.context.campaign)).toEqual([campaign, campaign, undefined]);
    expect(browser.sent().find((event) => event.event_name == "login")?.context.campaign).toBeUndefined();
    expect(views[0]?.page).toEqual({
      url: "https://shop.test/?utm_source=news&utm_medium=email&utm_campaign=bf&gclid=G1",
      path: "/",
      referrer: "https://search.test/?q=gpu",
      title: "Home",
    });
  });
});
