import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sampleProduct } from "../testing/event-factory.ts";
import { fakeBrowser } from "../testing/fake-browser.ts";

const ENDPOINT = "https://ingest.test/v1/events";

async function start() {
  const browser = fakeBrowser({ url: "https://shop.test/", title: "Home", referrer: "https://search.test/" });
  const tracker = await browser.tab();
  tracker.setEndpoint(ENDPOINT);
  await vi.advanceTimersByTimeAsync(0);
  return { browser, tracker };
}

const pages = (browser: ReturnType<typeof fakeBrowser>, name = "page_view") =>
  browser
    .sent()
    .filter((event) => event.event_name == name)
    .map((event) => event.page);

describe("tracker pages", () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.parse("2026-11-25T10:00:00Z") }));
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("adds the browser's language, time zone, screen and window size to page views only", async () => {
    const { browser, tracker } = await start();
    tracker.trackPageEvent("page_view", {});
    tracker.trackPageEvent("product_view", sampleProduct);
    await vi.advanceTimersByTimeAsync(5_000);
    const [view, product] = browser.sent();
    expect(view?.context).toEqual({
      logged_in: false,
      first_visit: true,
      language: "de-DE",
      time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      screen: { width: 1920, height: 1080 },
      viewport: { width: 1280, height: 1000 },
    });
    expect(product?.context).toEqual({ logged_in: false, first_visit: true });
  });

  it("takes each event's page when it happens: a quick second navigation loses no view", async () => {
    const { browser, tracker } = await start();
    tracker.trackPageEvent("page_view", {});
    browser.navigate("/products/x"); // the title has not changed yet
    tracker.trackPageEvent("page_view", {});
    vi.advanceTimersByTime(200);
    browser.navigate("/deals", "X"); // page x's title arrives after the shopper left it
    tracker.trackPageEvent("page_view", {});
    vi.advanceTimersByTime(200);
    browser.document.title = "Deals";
    await vi.advanceTimersByTimeAsync(5_000);
    expect(pages(browser).map((page) => page?.url)).toEqual(["https://shop.test/", "https://shop.test/products/x", "https://shop.test/deals"]);
    // never a title taken on another URL: page x's stays unknown
    expect(pages(browser).map((page) => page?.title)).toEqual(["Home", "", "Deals"]);
  });

  it("fills in the title streamed after a client-side navigation while the event is unsent", async () => {
    const { browser, tracker } = await start();
    tracker.trackPageEvent("page_view", {});
    browser.navigate("/products/x");
    tracker.trackPageEvent("page_view", {});
    tracker.trackPageEvent("product_view", sampleProduct);
    vi.advanceTimersByTime(300);
    browser.document.title = "X | CompuShop";
    await vi.advanceTimersByTimeAsync(5_000);
    expect(pages(browser).map((page) => page?.title)).toEqual(["Home", "X | CompuShop"]);
    expect(pages(browser, "product_view").map((page) => page?.title)).toEqual(["X | CompuShop"]);
  });

  it("keeps a title two pages share, once it has had time to change", async () => {
    const { browser, tracker } = await start();
    tracker.trackPageEvent("page_view", {});
    browser.navigate("/?sort=price");
    tracker.trackPageEvent("page_view", {});
    await vi.advanceTimersByTimeAsync(5_000);
    expect(pages(browser).map((page) => page?.title)).toEqual(["Home", "Home"]);
  });

  it("takes the title at once when the new page already has its own", async () => {
    const { browser, tracker } = await start();
    tracker.trackPageEvent("page_view", {});
    browser.navigate("/cart", "Cart");
    tracker.trackPageEvent("page_view", {});
    browser.document.title = "Something else";
    await vi.advanceTimersByTimeAsync(5_000);
    expect(pages(browser).map((page) => page?.title)).toEqual(["Home", "Cart"]);
  });

  it("gives the landing page the document's referrer, and each later page the one before it", async () => {
    const { browser, tracker } = await start();
    tracker.trackPageEvent("page_view", {});
    browser.navigate("/products/x?email=ada@example.com", "X");
    tracker.trackPageEvent("page_view", {});
    browser.navigate("/cart", "Cart");
    tracker.trackPageEvent("page_view", {});
    await vi.advanceTimersByTimeAsync(5_000);
    expect(pages(browser).map((page) => [page?.path, page?.referrer])).toEqual([
      ["/", "https://search.test/"],
      ["/products/x", "https://shop.test/"],
      ["/cart", "https://shop.test/products/x"],
    ]);
  });

  it("strips the page URL, path and referrer before queueing", async () => {
    const browser = fakeBrowser({ url: "https://shop.test/u/ada@example.com?token=t&q=ok", referrer: "https://mail.test/?to=ada@example.com" });
    const tracker = await browser.tab();
    tracker.trackPageEvent("page_view", {});
    const stored = browser.storage.getItem(browser.queued()[0]!)!;
    expect(stored).not.toMatch(/ada|token/);
    expect(JSON.parse(stored).page).toEqual({ url: "https://shop.test/u/redacted?q=ok", path: "/u/redacted", referrer: "https://mail.test/", title: "Home" });
  });

  it("counts a page event once per page even when React runs the effect twice", async () => {
    const { browser, tracker } = await start();
    tracker.trackPageEvent("page_view", {});
    tracker.trackPageEvent("product_view", sampleProduct);
    tracker.trackPageEvent("page_view", {});
    tracker.trackPageEvent("product_view", sampleProduct);
    browser.navigate("/cart", "Cart");
    tracker.trackPageEvent("page_view", {});
    browser.navigate("/", "Home");
    tracker.trackPageEvent("page_view", {});
    tracker.track("wishlist_add", sampleProduct);
    tracker.track("wishlist_add", sampleProduct);
    await vi.advanceTimersByTimeAsync(5_000);
    const names = browser
      .sent()
      .map((event) => event.event_name)
      .filter((name) => name != "engagement");
    expect(names).toEqual(["page_view", "product_view", "page_view", "page_view", "wishlist_add", "wishlist_add"]);
  });

  it("sends an engagement event for the page left, with that page's context", async () => {
    const { browser, tracker } = await start();
    tracker.trackPageEvent("page_view", {});
    vi.advanceTimersByTime(4_000);
    browser.setScroll(500);
    browser.setFocused(false);
    vi.advanceTimersByTime(1_000);
    browser.navigate("/cart", "Cart");
    tracker.trackPageEvent("page_view", {});
    browser.setScroll(0); // the router scrolls the new page to the top
    vi.advanceTimersByTime(2_000);
    browser.setVisible(false);
    const events = browser.all();
    const engagements = events.filter((event) => event.event_name == "engagement");
    expect(engagements.map((event) => [event.page.path, event.properties])).toEqual([
      ["/", { visible_ms: 5_000, focused_ms: 4_000, max_scroll_pct: 50 }],
      ["/cart", { visible_ms: 2_000, focused_ms: 0, max_scroll_pct: 33 }],
    ]);
    expect(events.map((event) => event.event_name)).toEqual(["page_view", "engagement", "page_view", "engagement"]);
  });

  it("records clicks from a listener on the whole document, in the capture phase", async () => {
    const { browser } = await start();
    const button = { tagName: "BUTTON", id: "", innerText: " Add to cart ", getAttribute: () => null, closest: (selector: string) => (selector.startsWith("a,") ? button : null) };
    browser.listener("click")({ target: button } as unknown as Event);
    await vi.advanceTimersByTimeAsync(2_100);
    expect(browser.sent()).toMatchObject([{ event_name: "click", properties: { tag: "button", text: "Add to cart" }, page: { path: "/" } }]);
  });
});
