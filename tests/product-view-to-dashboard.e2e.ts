import { expect, test } from "@playwright/test";
import pg from "pg";
import { FIRST_PARTY_EVENTS_PATH } from "../lib/tracking/first-party/events-path.ts";
import type { RunningSystem } from "../dev/system.ts";
import { startTestSystem, type TestSystem } from "../dev/testing/test-system.ts";

// The walking skeleton end to end: a product viewed in the shop is counted in the Shiny
// dashboard after one ETL pass. The whole system runs on its own free ports and a temp dir.
let system: RunningSystem;
let running: TestSystem | undefined;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  running = await startTestSystem({ name: "product-view", skip: ["etl-timer"], settings: { RAW_BUCKET: "e2e-raw" } });
  system = running.system;
});

test.afterAll(async () => {
  await running?.stop();
});

test("a product viewed in the shop appears in the dashboard after an ETL pass", async ({ page }) => {
  const shop = system.urls.shop ?? "";
  const shiny = system.urls.shiny ?? "";

  await page.goto(shop);
  const productLink = page.locator('a[href^="/products/"]').first();
  await expect(productLink).toBeVisible();

  const productViewSent = page.waitForRequest(
    (request) => new URL(request.url()).pathname === FIRST_PARTY_EVENTS_PATH && (request.postData() ?? "").includes('"product_view"'),
  );
  const href = await productLink.getAttribute("href");
  await productLink.click();
  await page.waitForURL((url) => url.pathname === href);
  const productName = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
  expect(productName.length).toBeGreaterThan(0);
  const response = await (await productViewSent).response();
  expect(response?.status()).toBe(200);

  // The ingest answered after writing to the lake, so one pass loads the view, and the catalog's
  // own product events (relayed from the shop's outbox) name the product.
  await system.relayOutbox();
  const pass = await system.etlPass();
  expect(pass.status).toBe("succeeded");
  expect(pass.eventsLoaded).toBeGreaterThanOrEqual(2);

  // The tracker described the page the shopper saw: its own title (streamed after a client-side
  // navigation), and the shop's home page as referrer.
  const warehouse = new pg.Client({ connectionString: system.urls["warehouse db"] });
  await warehouse.connect();
  const views = await warehouse.query<{ event_name: string; page_title: string; page_referrer: string | null }>(
    "SELECT event_name, page_title, page_referrer FROM fact_event WHERE page_path = $1 AND event_name IN ('page_view', 'product_view') ORDER BY event_name",
    [href],
  );
  // The visit is one session of a shopper (not a bot) on a desktop: two pages, engaged, direct.
  const sessions = await warehouse
    .query("SELECT entry_page, exit_page, page_views, channel, device_type, is_bot, bounced, engaged FROM fact_session")
    .finally(() => warehouse.end());
  expect(sessions.rows).toEqual([
    { entry_page: "/", exit_page: href, page_views: 2, channel: "direct", device_type: "desktop", is_bot: false, bounced: false, engaged: true },
  ]);
  const title = await page.title();
  expect(views.rows).toEqual([
    { event_name: "page_view", page_title: title, page_referrer: `${shop}/` },
    { event_name: "product_view", page_title: title, page_referrer: `${shop}/` },
  ]);

  await page.goto(shiny);
  // The Overview's "Top viewed products" table (from agg_product_daily). Columns: rank, product
  // (row header), brand, category, views, adds to cart, units sold.
  const row = page.locator("#top_products-table tr[data-product-id]").filter({ hasText: productName });
  await expect(row).toHaveCount(1, { timeout: 60_000 });
  await expect(row.getByRole("rowheader")).toHaveText(productName);
  await expect(row.locator("td")).toHaveText(["1", /.+/, /.+/, "1", "0", "0"]);
});
