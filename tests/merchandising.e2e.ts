import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import pg from "pg";
import { startShopSystem, type ShopSystem } from "../dev/testing/shop-system.ts";

// Merchandising: the home page's featured, deals and new-arrival rows, /deals with every price
// struck through, the best-selling order, and the generated product pictures, cached for good.
let running: ShopSystem;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  running = await startShopSystem();
});
test.afterAll(async () => {
  await running?.stop();
});

/** Rows from the shop database the system under test reads. */
async function rows<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: running.system.urls["shop db"] });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const countLine = (page: Page) => page.locator("#main").getByRole("status");

/** The product slugs of a list of cards, in order (each card links to its product once). */
const slugsOf = (cards: Locator) =>
  cards.evaluateAll((articles) => articles.map((article) => article.querySelector("a[href^='/products/']")?.getAttribute("href")?.replace("/products/", "") ?? ""));

/** "$1,299.99" → 129999. */
const cents = (text: string) => Math.round(Number(text.replace(/[^\d.]/g, "")) * 100);

/** A card's price (the first amount it shows) and its struck-through one. */
async function prices(card: Locator): Promise<{ now: number; was: number | null }> {
  const text = (await card.textContent()) ?? "";
  const was = card.locator("s");
  return {
    now: cents(/\$[\d,]+\.\d\d/.exec(text)?.[0] ?? "NaN"),
    was: (await was.count()) > 0 ? cents((await was.textContent()) ?? "NaN") : null,
  };
}

const BIGGEST_SAVINGS = `SELECT slug FROM product WHERE compare_at_price_cents IS NOT NULL
  ORDER BY (compare_at_price_cents - price_cents)::numeric / compare_at_price_cents DESC, id`;

test("the home page shows the featured products, the biggest deals and the new arrivals", async ({ page }) => {
  await page.goto(running.shop);

  // Featured: exactly the products the merchandiser flagged.
  const flagged = await rows<{ slug: string }>("SELECT slug FROM product WHERE featured ORDER BY slug");
  expect(flagged.length).toBeGreaterThanOrEqual(4);
  const featured = page.getByRole("region", { name: "Featured", exact: true });
  expect((await slugsOf(featured.locator("article"))).sort()).toEqual(flagged.map((row) => row.slug));

  // New arrivals: the most recently listed products.
  const newest = await rows<{ slug: string }>("SELECT slug FROM product ORDER BY created_at DESC, id DESC LIMIT 4");
  const arrivals = page.getByRole("region", { name: "New arrivals", exact: true });
  expect(await slugsOf(arrivals.locator("article"))).toEqual(newest.map((row) => row.slug));

  // Deals: the biggest share saved first, each with what it was, struck through.
  const deals = page.getByRole("region", { name: "Deals", exact: true });
  const dealCards = deals.locator("article");
  await expect(dealCards).toHaveCount(4);
  expect(await slugsOf(dealCards)).toEqual((await rows<{ slug: string }>(`${BIGGEST_SAVINGS} LIMIT 4`)).map((row) => row.slug));
  for (const card of await dealCards.all()) {
    await expect(card.locator("s")).toHaveText(/^Was \$[\d,]+\.\d\d$/);
    await expect(card.getByText(/^Save \d+%$/)).toBeVisible();
  }
  const [discounted] = await rows<{ n: number }>("SELECT count(*)::int AS n FROM product WHERE compare_at_price_cents IS NOT NULL");
  await deals.getByRole("link", { name: `See all ${discounted?.n} deals` }).click();
  await page.waitForURL(/\/deals$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deals");
});

test("/deals lists every discounted product and only those, each with its old price struck through", async ({ page }) => {
  const discounted = await rows<{ slug: string; price_cents: number; compare_at_price_cents: number }>(
    "SELECT slug, price_cents, compare_at_price_cents FROM product WHERE compare_at_price_cents IS NOT NULL",
  );
  expect(discounted.length).toBeGreaterThan(12);
  const bySlug = new Map(discounted.map((row) => [row.slug, row]));

  // The header's Deals link leads there.
  await page.goto(`${running.shop}/products`);
  await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "Deals" }).click();
  await page.waitForURL(/\/deals$/);
  await expect(countLine(page)).toContainText(`of ${discounted.length} products`);
  await expect(page.getByRole("navigation", { name: "Sort products" }).getByRole("link", { name: "Biggest saving" })).toHaveAttribute("aria-current", "true");

  const seen: string[] = [];
  for (;;) {
    const cards = page.locator("#main article");
    const slugs = await slugsOf(cards);
    expect(slugs.length).toBeGreaterThan(0);
    for (const [index, card] of (await cards.all()).entries()) {
      const slug = slugs[index] ?? "";
      const row = bySlug.get(slug);
      expect(row, `${slug} is not discounted`).toBeDefined();
      expect(await prices(card), slug).toEqual({ now: row?.price_cents, was: row?.compare_at_price_cents });
    }
    seen.push(...slugs);
    const next = page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: /Next/ });
    if ((await next.count()) === 0) break;
    const url = page.url();
    await next.click();
    await page.waitForURL((current) => current.href !== url);
  }
  expect(seen).toEqual((await rows<{ slug: string }>(BIGGEST_SAVINGS)).map((row) => row.slug));

  // A deal's own page shows the discount too, and offers search engines the price it sells at.
  await page.goto(`${running.shop}/deals`);
  const first = page.locator("#main article").first();
  const slug = (await slugsOf(first))[0] ?? "";
  await first.locator("a").first().click();
  await page.waitForURL((url) => url.pathname === `/products/${slug}`);
  const details = page.locator("#main article").first();
  await expect(details.locator("s")).toHaveText(/^Was \$[\d,]+\.\d\d$/);
  expect(await prices(details)).toEqual({ now: bySlug.get(slug)?.price_cents, was: bySlug.get(slug)?.compare_at_price_cents });
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}") as { offers?: { price?: string } };
  expect(cents(ld.offers?.price ?? "NaN")).toBe(bySlug.get(slug)?.price_cents);
});

test("the best-selling order puts the most units sold first, as the database counts them", async ({ page }) => {
  await page.goto(`${running.shop}/products`);
  const sort = page.getByRole("navigation", { name: "Sort products" });
  await sort.getByRole("link", { name: "Best selling" }).click();
  await page.waitForURL(/\/products\?sort=best-selling$/);
  await expect(sort.getByRole("link", { name: "Best selling" })).toHaveAttribute("aria-current", "true");
  const expected = await rows<{ slug: string }>("SELECT slug FROM product ORDER BY units_sold DESC, id ASC LIMIT 12");
  expect(await slugsOf(page.locator("#main article"))).toEqual(expected.map((row) => row.slug));

  // Sales move a product up: the graphics card in stock that sold least outsells every other
  // product, and a listing not read before (so not cached yet) puts it first.
  const [least] = await rows<{ slug: string }>(
    `SELECT p.slug FROM product p JOIN category c ON c.id = p.category_id
      WHERE c.slug = 'gpus' AND p.stock > 0 ORDER BY p.units_sold ASC, p.id DESC LIMIT 1`,
  );
  await rows("UPDATE product SET units_sold = (SELECT max(units_sold) FROM product) + 1 WHERE slug = $1", [least?.slug]);
  await page.goto(`${running.shop}/c/gpus?in_stock=1&sort=best-selling`);
  const inStock = await rows<{ slug: string }>(
    `SELECT p.slug FROM product p JOIN category c ON c.id = p.category_id
      WHERE c.slug = 'gpus' AND p.stock > 0 ORDER BY p.units_sold DESC, p.id ASC LIMIT 12`,
  );
  expect(inStock[0]?.slug).toBe(least?.slug);
  expect(await slugsOf(page.locator("#main article"))).toEqual(inStock.map((row) => row.slug));
});

test("a product's picture is a generated SVG, cached for good under a URL that names its version", async ({ page, request }) => {
  await page.goto(`${running.shop}/c/gpus`);
  const image = page.locator("#main article img").first();
  const src = (await image.getAttribute("src")) ?? "";
  expect(src).toMatch(/^\/images\/products\/[a-z0-9-]+\/\d+-[0-9a-z]+$/);
  await expect(image).toHaveAttribute("alt", /^Illustration of the .+/);
  await expect(image).toHaveAttribute("width", "800");
  await expect(image).toHaveAttribute("height", "600");
  await image.scrollIntoViewIfNeeded();
  await expect.poll(() => image.evaluate((img) => (img instanceof HTMLImageElement && img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);

  const response = await request.get(`${running.shop}${src}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
  expect(response.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  const svg = await response.text();
  // Well-formed XML, as the browser's own parser reads it.
  const root = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    return doc.getElementsByTagName("parsererror").length > 0 ? "parsererror" : doc.documentElement.nodeName;
  }, svg);
  expect(root).toBe("svg");
  // Drawn the same every time: what a cache keeps for good is what the server would send again.
  expect(await (await request.get(`${running.shop}${src}`)).text()).toBe(svg);

  // An outdated version (a page cached before a rename) still gets the picture, briefly cached;
  // an unknown product gets none.
  const slug = src.split("/")[3] ?? "";
  const outdated = await request.get(`${running.shop}/images/products/${slug}/0-0`);
  expect(outdated.status()).toBe(200);
  expect(outdated.headers()["cache-control"]).toBe("public, max-age=300");
  expect((await request.get(`${running.shop}/images/products/no-such-product/1-abc`)).status()).toBe(404);

  // The product page shows the same picture and offers it to link previews.
  await page.goto(`${running.shop}/products/${slug}`);
  await expect(page.locator("#main article img").first()).toHaveAttribute("src", src);
  expect(await page.locator('meta[property="og:image"]').getAttribute("content")).toMatch(new RegExp(`${src}$`));
});

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} colours`, () => {
    test.use({ colorScheme });
    test("/deals has no serious or critical accessibility violation", async ({ page }) => {
      await page.goto(`${running.shop}/deals`);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
      expect(results.passes.length).toBeGreaterThan(10);
      const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
      expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join("; ")}`)).toEqual([]);
    });
  });
}
