import { expect, test, type Page } from "@playwright/test";
import { startShopSystem, type ShopSystem } from "../dev/testing/shop-system.ts";
import { suggestResponseSchema } from "../lib/search/suggestions.ts";

// Product search in the production build over the seeded catalog: suggestions in the header's
// search box (keyboard and mouse), the results page and its sorts, its no-results help, and the
// plain form without JavaScript.
let running: ShopSystem;
let shop: string;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  running = await startShopSystem();
  shop = running.shop;
});

test.afterAll(async () => {
  await running?.stop();
});

const searchBox = (page: Page) => page.getByRole("combobox", { name: "Search products" });
const suggestionList = (page: Page) => page.getByRole("listbox", { name: "Suggested products" });

test("a misspelt query suggests products, and the keyboard opens one", async ({ page }) => {
  await page.goto(shop);
  const box = searchBox(page);
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await box.pressSequentially("thinkpd", { delay: 30 });

  const options = suggestionList(page).getByRole("option");
  await expect(options.first()).toContainText("ThinkPad");
  await expect(box).toHaveAttribute("aria-expanded", "true");
  const count = await options.count();
  expect(count).toBeGreaterThan(1);
  expect(count).toBeLessThanOrEqual(8);
  await expect(page.getByRole("status").filter({ hasText: `${count} suggestions` })).toBeAttached();

  await box.press("ArrowDown");
  await box.press("ArrowDown");
  await box.press("ArrowUp");
  const chosen = options.first();
  await expect(chosen).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await chosen.getAttribute("id")) ?? "missing id");
  await expect(box).toBeFocused();
  const name = (await chosen.locator("span").first().innerText()).trim();

  await box.press("Enter");
  await page.waitForURL((url) => url.pathname.startsWith("/products/"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
});

test("Escape closes the suggestions, and a click on one opens it", async ({ page }) => {
  await page.goto(shop);
  const box = searchBox(page);
  await box.pressSequentially("rtx 50", { delay: 30 });
  const options = suggestionList(page).getByRole("option");
  await expect(options.first()).toContainText("RTX 50");

  await box.press("Escape");
  await expect(suggestionList(page)).toBeHidden();
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(box).toHaveValue("rtx 50");

  await box.press("ArrowDown");
  await expect(suggestionList(page)).toBeVisible();
  const second = options.nth(1);
  const name = (await second.locator("span").first().innerText()).trim();
  await second.hover();
  await expect(second).toHaveAttribute("aria-selected", "true");
  await second.click();
  await page.waitForURL((url) => url.pathname.startsWith("/products/"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
});

test("a submitted query lists its results, with the query kept in the URL and the box", async ({ page }) => {
  await page.goto(shop);
  const box = searchBox(page);
  await box.fill("geforce rtx");
  await box.press("Enter");
  await page.waitForURL((url) => url.pathname === "/search" && url.searchParams.get("q") === "geforce rtx");

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “geforce rtx”");
  await expect(page.getByRole("status").filter({ hasText: /Showing 1–\d+ of \d+ products/ })).toBeVisible();
  const results = page.getByRole("list", { name: /^Results for “geforce rtx”/ }).getByRole("listitem");
  await expect(results.first()).toContainText("GeForce RTX");
  expect(await results.count()).toBeGreaterThan(1);
  await expect(searchBox(page)).toHaveValue("geforce rtx");
});

/** The prices of the results shown, in order (each card's first amount: the price it sells at). */
const resultPrices = (page: Page) =>
  page
    .getByRole("list", { name: /^Results for/ })
    .locator("article")
    .evaluateAll((cards) => cards.map((card) => Number((card.textContent ?? "").match(/\$([\d,]+\.\d\d)/)?.[1]?.replace(/,/g, ""))));

test("results sort by price, with the count kept, and their pages keep the order", async ({ page }) => {
  await page.goto(`${shop}/search?q=gaming`);
  const sort = page.getByRole("navigation", { name: "Sort results" });
  await expect(sort.getByRole("link", { name: "Best match" })).toHaveAttribute("aria-current", "true");
  const countLine = page.getByRole("status").filter({ hasText: /Showing 1–24 of \d+ products/ });
  const count = (await countLine.innerText()).match(/of (\d+) products/)?.[1];
  expect(Number(count)).toBeGreaterThan(24);

  await sort.getByRole("link", { name: "Price: low to high" }).click();
  await page.waitForURL((url) => url.pathname === "/search" && url.search === "?q=gaming&sort=price-asc");
  await expect(sort.getByRole("link", { name: "Price: low to high" })).toHaveAttribute("aria-current", "true");
  await expect(sort.getByRole("link", { name: "Best match" })).not.toHaveAttribute("aria-current");
  await expect(countLine).toContainText(`of ${count} products`);
  const first = await resultPrices(page);
  expect(first).toHaveLength(24);
  expect(first).toEqual([...first].sort((a, b) => a - b));

  await page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Page 2" }).click();
  await page.waitForURL((url) => url.search === "?q=gaming&sort=price-asc&page=2");
  await expect(page.getByRole("list", { name: /^Results for “gaming”, page 2 of/ })).toBeVisible();
  await expect(sort.getByRole("link", { name: "Price: low to high" })).toHaveAttribute("aria-current", "true");
  const second = await resultPrices(page);
  expect(second.length).toBeGreaterThan(0);
  expect(second).toEqual([...second].sort((a, b) => a - b));
  expect(second[0]).toBeGreaterThanOrEqual(first.at(-1) ?? Number.POSITIVE_INFINITY);

  await sort.getByRole("link", { name: "Price: high to low" }).click();
  await page.waitForURL((url) => url.search === "?q=gaming&sort=price-desc");
  await expect(page.getByRole("list", { name: /^Results for “gaming”, page 1 of/ })).toBeVisible();
  const descending = await resultPrices(page);
  expect(descending).toEqual([...descending].sort((a, b) => b - a));
  expect(descending[0]).toBeGreaterThanOrEqual(Math.max(...first, ...second));
});

test("a query nothing matches shows help: close matches and popular categories", async ({ page }) => {
  await page.goto(`${shop}/search?q=${encodeURIComponent("logitech rtx 5090")}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("No results for “logitech rtx 5090”");
  const didYouMean = page.getByRole("region", { name: "Did you mean" });
  await expect(didYouMean.getByRole("link", { name: "Logitech", exact: true })).toBeVisible();

  await page.goto(`${shop}/search?q=qxzjvwkpf`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("No results for “qxzjvwkpf”");
  const categories = page.getByRole("region", { name: "Shop by category" }).getByRole("link");
  expect(await categories.count()).toBeGreaterThan(0);
  await categories.first().click();
  await page.waitForURL((url) => url.pathname.startsWith("/c/"));
});

test("SQL and markup in a query come back as text", async ({ page, request }) => {
  const query = "<script>alert(1)</script>' OR 1=1; --";
  const response = await page.goto(`${shop}/search?q=${encodeURIComponent(query)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(query);

  const suggest = await request.get(`${shop}/api/search/suggest?q=${encodeURIComponent(query)}`);
  expect(suggest.status()).toBe(200);
  expect(suggestResponseSchema.parse(await suggest.json()).query).toBe(query);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the search box is a plain form to the results page", async ({ page }) => {
    await page.goto(shop);
    await page.getByRole("searchbox", { name: "Search products" }).fill("samsng");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/search" && url.searchParams.get("q") === "samsng");
    await expect(page.getByRole("list", { name: /^Results for/ }).getByRole("listitem").first()).toContainText("Samsung");
  });
});
