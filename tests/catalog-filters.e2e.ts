import { expect, test, type Locator, type Page } from "@playwright/test";
import { startShopSystem, type ShopSystem } from "../dev/testing/shop-system.ts";

// Browsing with filters: counts beside every value, state in the URL, with and without JavaScript.
let running: ShopSystem;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  running = await startShopSystem();
});
test.afterAll(async () => {
  await running?.stop();
});

const countLine = (page: Page) => page.locator("#main").getByRole("status");

/** A facet value's checkbox and the count shown beside it. */
async function facetOption(page: Page, name: RegExp): Promise<{ box: Locator; count: number }> {
  const box = page.getByRole("form", { name: "Filter products" }).getByRole("checkbox", { name });
  const label = page.locator("label").filter({ has: page.getByRole("checkbox", { name }) });
  return { box, count: Number(await label.locator('[aria-label$="product"], [aria-label$="products"]').innerText()) };
}

test("filters a category by brand and spec, with the state in the URL and removable chips", async ({ page }) => {
  await page.goto(`${running.shop}/c/laptops`);
  const { box: dell, count: dellCount } = await facetOption(page, /^Dell/);
  expect(dellCount).toBeGreaterThan(0);

  await dell.check();
  await page.waitForURL(/\/c\/laptops\?brand=dell$/);
  await expect(countLine(page)).toContainText(`of ${dellCount} product`);
  const brands = await page.locator("#main article p").filter({ hasText: /^Dell$/ }).count();
  expect(brands).toBe(Math.min(dellCount, 12));

  const { box: sixteen, count: sixteenCount } = await facetOption(page, /^16 GB/);
  await sixteen.check();
  await page.waitForURL(/brand=dell&ram_gb=16$/);
  await expect(countLine(page)).toContainText(`of ${sixteenCount} product`);

  // The chip takes its one filter off; sorting keeps the rest.
  await page.getByRole("link", { name: /Memory: 16 GB/ }).click();
  await page.waitForURL(/\/c\/laptops\?brand=dell$/);
  await page.getByRole("link", { name: "Price: low to high" }).click();
  await page.waitForURL(/brand=dell&sort=price-asc$/);
  const prices = await page.locator("#main article").evaluateAll((cards) =>
    cards.map((card) => Number((card.textContent ?? "").match(/\$([\d,]+\.\d\d)/)?.[1]?.replace(/,/g, ""))),
  );
  expect(prices).toEqual([...prices].sort((a, b) => a - b));
});

test("a product page renders once and is then served from the cache, for a bounded time", async ({ request }) => {
  const home = await (await request.get(running.shop)).text();
  const product = /href="(\/products\/[^"]+)"/.exec(home)?.[1];
  expect(product).toBeDefined();
  const first = await request.get(`${running.shop}${product}`);
  const second = await request.get(`${running.shop}${product}`);
  expect(first.status()).toBe(200);
  expect(second.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(second.headers()["cache-control"]).toBe("s-maxage=300, stale-while-revalidate=300");
  expect(await second.text()).toBe(await first.text());
  // Listings read live filters and stock: rendered per request.
  expect((await request.get(`${running.shop}/c/laptops`)).headers()["x-nextjs-cache"]).toBeUndefined();
});

test("a product page links onward and describes itself to search engines; the sitemap lists it", async ({ page, request }) => {
  await page.goto(`${running.shop}/c/gpus`);
  const first = page.locator("#main article a").first();
  const href = await first.getAttribute("href");
  await first.click();
  await page.waitForURL((url) => url.pathname === href);
  const name = (await page.getByRole("heading", { level: 1 }).innerText()).trim();

  expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toMatch(new RegExp(`${href}$`));
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}") as Record<string, unknown>;
  expect(ld).toMatchObject({ "@type": "Product", name, offers: { "@type": "Offer", priceCurrency: "USD" } });

  const related = page.getByRole("region", { name: /^More graphics cards$/i });
  await expect(related.locator("article")).toHaveCount(4);
  expect(await related.locator(`a[href="${href}"]`).count()).toBe(0);

  // The brand crumb lists that brand's products of the category.
  const brand = page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").nth(2);
  await brand.click();
  await page.waitForURL(/\/c\/gpus\?brand=[a-z0-9-]+$/);

  const sitemap = await (await request.get(`${running.shop}/sitemap.xml`)).text();
  expect(sitemap).toContain(`<loc>${running.shop}${href}</loc>`);
  expect(sitemap).toContain(`<loc>${running.shop}/c/gpus</loc>`);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the filter form still filters, and a brand page lists by category", async ({ page }) => {
    await page.goto(`${running.shop}/c/monitors`);
    await page.getByRole("checkbox", { name: /^In stock/ }).check();
    await page.getByLabel("Max ($)").fill("300");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/\/c\/monitors\?.*in_stock=1/);
    expect(new URL(page.url()).searchParams.get("max")).toBe("300");
    const prices = await page.locator("#main article").evaluateAll((cards) =>
      cards.map((card) => Number((card.textContent ?? "").match(/\$([\d,]+\.\d\d)/)?.[1]?.replace(/,/g, ""))),
    );
    expect(prices.length).toBeGreaterThan(0);
    expect(prices.every((price) => price <= 300)).toBe(true);

    await page.goto(`${running.shop}/brands`);
    await page.getByRole("link", { name: /^ASUS/ }).click();
    await page.waitForURL(/\/brands\/asus$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("ASUS");
    await expect(page.getByRole("group", { name: "Category" })).toBeVisible();
  });
});
