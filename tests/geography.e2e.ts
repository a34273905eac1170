import { expect, test } from "@playwright/test";
import pg from "pg";
import type { RunningSystem } from "../dev/system.ts";
import { startTestSystem, type TestSystem } from "../dev/testing/test-system.ts";
import { shoppersAbroad, type Shopper } from "../ingest/geo/testing/shoppers-abroad.ts";
import { batchBody, pageView } from "../lib/tracking/testing/event-factory.ts";
import { chooseDates } from "./support/dashboard.ts";

// Geography end to end: shoppers in three countries send page views through the local ingest
// (its adapter trusts loopback's X-Forwarded-For, as CloudFront's headers are trusted in AWS);
// the ETL loads them; the Geography view counts each country's sessions exactly, drills into a
// country's regions, and the warehouse holds none of the addresses that were sent.
let system: RunningSystem;
let running: TestSystem | undefined;
let shoppers: Shopper[];
const DESKTOP_CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
/** Visitors (one session each) per shopper's country: 3, 2 and 1. */
const VISITORS = [3, 2, 1];

test.beforeAll(async () => {
  test.setTimeout(300_000);
  running = await startTestSystem({ name: "geography", skip: ["etl-timer", "shop"], settings: { RAW_BUCKET: "e2e-geography-raw" } });
  system = running.system;
  shoppers = await shoppersAbroad();
  for (const [index, shopper] of shoppers.entries()) {
    for (let visitor = 0; visitor < (VISITORS[index] ?? 0); visitor++) {
      const first = pageView({ context: { logged_in: false, first_visit: true, language: "en-GB", viewport: { width: 1280, height: 800 } } });
      const second = pageView({ anonymous_id: first.anonymous_id, session_id: first.session_id, seq: 2 });
      const response = await fetch(system.urls.ingest ?? "", {
        method: "POST",
        body: batchBody([first, second]),
        headers: { "content-type": "text/plain", "user-agent": DESKTOP_CHROME, "x-forwarded-for": shopper.address },
      });
      expect(await response.json()).toEqual({ accepted: 2, rejected: [] });
    }
  }
  expect(await system.etlPass()).toMatchObject({ status: "succeeded", checksFailed: [] });
});

test.afterAll(async () => {
  await running?.stop();
});

test("the Geography view counts each country's sessions and drills into regions; no address is kept", async ({ page }) => {
  const today = new Date().toISOString().slice(0, 10);
  await page.goto(system.urls.shiny ?? "");
  await expect(page.locator("#overview-value_sessions")).toHaveText(/^\d+$/);
  await chooseDates(page, today, today);
  await expect(page.locator("#overview-value_sessions")).toHaveText("6");

  await page.locator('a[data-value="geography"]').click();
  const rows = page.locator("#geography-table tbody tr");
  for (const [index, shopper] of shoppers.entries()) {
    const row = rows.filter({ hasText: `(${shopper.country})` });
    await expect(row).toHaveCount(1);
    // Country, sessions, share, users, conversion rate, revenue.
    await expect(row.locator("td").nth(1)).toHaveText(String(VISITORS[index]));
    await expect(row.locator("td").nth(3)).toHaveText(String(VISITORS[index]));
  }
  await expect(page.locator("#geography-map img")).toHaveAttribute("alt", /World map of sessions by country/);
  await expect(page.getByRole("link", { name: "IP Geolocation by DB-IP" })).toHaveAttribute("href", "https://db-ip.com");

  // Into the first shopper's country: its region, with all of its sessions.
  const [first] = shoppers;
  await rows.filter({ hasText: `(${first!.country})` }).click();
  await expect(page.locator("#geography-where")).toContainText("Regions of");
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator("td").first()).toHaveText(first!.region ?? "(unknown)");
  await expect(rows.first().locator("td").nth(1)).toHaveText(String(VISITORS[0]));

  // Nothing the warehouse holds names a full address that was sent.
  const warehouse = new pg.Client({ connectionString: system.urls["warehouse db"] });
  await warehouse.connect();
  try {
    const tables = await warehouse.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'");
    for (const { name } of tables.rows) {
      for (const shopper of shoppers) {
        for (const spelling of shopper.spellings) {
          const found = await warehouse.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}" t WHERE t::text LIKE $1`, [`%${spelling}%`]);
          expect(Number(found.rows[0]?.n), `${spelling} in ${name}`).toBe(0);
        }
      }
    }
    const places = await warehouse.query("SELECT country, count(*)::int AS sessions FROM fact_session JOIN dim_geography USING (geo_id) GROUP BY 1 ORDER BY 2 DESC");
    expect(places.rows).toEqual(shoppers.map((shopper, index) => ({ country: shopper.country, sessions: VISITORS[index] })));
  } finally {
    await warehouse.end();
  }
});
