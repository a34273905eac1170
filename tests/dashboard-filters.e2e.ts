import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import type { RunningSystem } from "../dev/system.ts";
import { startTestSystem, type TestSystem } from "../dev/testing/test-system.ts";
import { chooseDates } from "./support/dashboard.ts";
import { writeLakeObject } from "../ingest/lake-writer.ts";
import { createS3Client } from "../lib/lake/s3-client.ts";
import { productUpdated, rawRecord } from "../lib/tracking/testing/event-factory.ts";
import { at, dayOfShopping, gpu, lakeRecord, laptop, SHOPPING_DAY } from "../etl/testing/shopping-day.ts";

// The dashboard's global filters, end to end: a known day of shopping goes through the lake and
// the real ETL; the admin narrows the dates, the category and the login state and sees the KPIs
// and the funnel change to the numbers worked out by hand in etl/model/aggregates.integration.test.ts
// (A bought two GPUs after a search; B left a laptop in checkout; a crawler never counts), then
// downloads the funnel as CSV.
let system: RunningSystem;
let running: TestSystem | undefined;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  running = await startTestSystem({ name: "dashboard", skip: ["etl-timer", "shop"], settings: { RAW_BUCKET: "e2e-dashboard-raw" } });
  system = running.system;
  const receivedAt = new Date(at("13:00:00.000"));
  const catalog = [gpu, laptop].map((product) => ({ ...rawRecord({ ...productUpdated(product), occurred_at: at("08:00:00.000") }, receivedAt, true) }));
  const shopping = dayOfShopping().map((sent) => lakeRecord(sent, receivedAt));
  const s3 = createS3Client({ endpoint: system.lake.endpoint });
  try {
    await writeLakeObject(s3, system.lake.bucket, "raw", receivedAt, [...catalog, ...shopping]);
  } finally {
    s3.destroy();
  }
  // The shop's own catalog events (relayed from its outbox when the system starts) load too.
  const pass = await system.etlPass();
  expect(pass).toMatchObject({ status: "succeeded", checksFailed: [] });
  expect(pass.eventsLoaded).toBeGreaterThanOrEqual(catalog.length + shopping.length);
});

test.afterAll(async () => {
  await running?.stop();
});

/** The funnel table's "Sessions through" column, step by step. */
async function sessionsThrough(page: Page): Promise<string[]> {
  return page.locator("#funnel-steps tbody tr td:nth-child(4)").allInnerTexts();
}

test("the date range, category and login state change the KPIs and the funnel; the funnel downloads as CSV", async ({ page }) => {
  await page.goto(system.urls.shiny ?? "");
  // Shiny has connected and drawn the default range's numbers.
  await expect(page.locator("#overview-value_sessions")).toHaveText(/^\d+$/);
  await chooseDates(page, SHOPPING_DAY, SHOPPING_DAY);
  await expect(page.locator("#filters-preset")).toHaveValue("custom");

  // Overview: two sessions of people (the crawler is left out), A's order of two GPUs.
  await expect(page.locator("#overview-value_sessions")).toHaveText("2");
  await expect(page.locator("#overview-value_users")).toHaveText("2");
  await expect(page.locator("#overview-value_page_views")).toHaveText("4");
  await expect(page.locator("#overview-value_orders")).toHaveText("1");
  await expect(page.locator("#overview-value_revenue_cents")).toHaveText("$1,199.98");
  await expect(page.locator("#overview-value_conversion_rate")).toHaveText("50.0%");

  // Signed in: only A's session, the one with the order.
  await page.locator("#filters-login_state").selectOption("signed_in");
  await expect(page.locator("#overview-value_sessions")).toHaveText("1");
  await expect(page.locator("#overview-value_conversion_rate")).toHaveText("100.0%");
  await page.locator("#filters-login_state").selectOption("(all)");
  await expect(page.locator("#overview-value_sessions")).toHaveText("2");

  // The funnel: both sessions saw a list, a product, added to cart and began checkout; A went on.
  await page.locator('a[data-value="funnel"]').click();
  await expect.poll(() => sessionsThrough(page)).toEqual(["2", "2", "2", "2", "1", "1"]);
  await expect(page.locator("#funnel-checkout")).toContainText("Abandoned");
  await page.locator("#filters-category").selectOption("gpus");
  await expect.poll(() => sessionsThrough(page)).toEqual(["1", "1", "1", "1", "1", "1"]);
  await page.locator("#filters-category").selectOption("laptops");
  // A saw a laptop in the search list but went no further with it.
  await expect.poll(() => sessionsThrough(page)).toEqual(["2", "1", "1", "1", "0", "0"]);

  const downloaded = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download Shopping funnel as CSV" }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe(`compushop-funnel-${SHOPPING_DAY}-to-${SHOPPING_DAY}.csv`);
  const csv = (await readFile((await download.path()) ?? "", "utf8")).trim().split(/\r?\n/);
  expect(csv[0]).toContain("sessions_through");
  expect(csv).toHaveLength(7);
  expect(csv[1]).toContain("product_list_view");

  // A week without traffic: the KPIs fall to zero.
  await page.locator('a[data-value="overview"]').click();
  await chooseDates(page, "2026-11-19", "2026-11-25");
  await expect(page.locator("#overview-value_sessions")).toHaveText("0");
  await expect(page.locator("#overview-value_orders")).toHaveText("0");
});

test("every view loads its data without an error in the browser", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(system.urls.shiny ?? "");
  await expect(page.locator("#overview-value_sessions")).toHaveText(/^\d+$/);
  await chooseDates(page, SHOPPING_DAY, SHOPPING_DAY);
  await expect(page.locator("#overview-value_sessions")).toHaveText("2");

  const views = await page.locator("a.nav-link[data-value]").evaluateAll((links) => links.map((link) => link.getAttribute("data-value") ?? ""));
  expect(views).toEqual(["overview", "realtime", "funnel", "products", "search", "acquisition", "paths", "geography", "technology", "retention", "events", "health"]);
  for (const view of views) {
    await page.locator(`a[data-value="${view}"]`).click();
    const panel = page.locator(`.tab-pane[data-value="${view}"]`);
    await expect(panel).toBeVisible();
    await expect(panel.locator(".recalculating")).toHaveCount(0);
    await expect(panel.getByText("Could not load")).toHaveCount(0);
  }
  // The Events view counts what the day sent: the two shoppers' searches and the shop's order.
  await page.locator('a[data-value="events"]').click();
  await expect(page.locator("#events-counts tbody tr").filter({ hasText: "search" }).first()).toContainText("4");
  // Newest first: the crawler's last event (times shown as month-day and time, UTC).
  await expect(page.locator("#events-sample tbody tr").first()).toContainText(`${SHOPPING_DAY.slice(5)} 12:00:01`);
  // Retention: the shoppers' week (from Monday 2026-11-16) is a cohort of the two shoppers.
  await page.locator('a[data-value="retention"]').click();
  await expect(page.locator("#retention-table tbody tr").first()).toContainText("2026-11-16");
  expect(errors).toEqual([]);
});
