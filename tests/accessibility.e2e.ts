import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { startShopSystem, type ShopSystem } from "../dev/testing/shop-system.ts";

// axe-core over every main page of the shop: no serious or critical violation (WCAG 2.2 AA rules).
let running: ShopSystem;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  running = await startShopSystem();
});
test.afterAll(async () => {
  await running?.stop();
});

const PAGES = [
  "/",
  "/products",
  "/c/laptops?brand=dell&ram_gb=16",
  "/c/monitors?in_stock=1&sort=price-asc",
  "/brands",
  "/brands/asus",
  "/search?q=thinkpd",
  "/search?q=qwertyuiop",
  "/cart",
  "/no-such-page",
];

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  // The rules did run (colour contrast, names, landmarks…), not an empty pass.
  expect(results.passes.length).toBeGreaterThan(10);
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join("; ")})`);
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} colours`, () => {
    test.use({ colorScheme });
    for (const path of colorScheme === "light" ? PAGES : PAGES.slice(0, 4)) {
      test(`${path} has no serious or critical accessibility violation`, async ({ page }) => {
        await page.goto(`${running.shop}${path}`);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  });
}

test("a product page with an item in the cart has no serious or critical violation", async ({ page }) => {
  await page.goto(`${running.shop}/c/gpus?in_stock=1`);
  await page.locator("#main article a").first().click();
  await page.waitForURL(/\/products\//);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText(/Added 1 to your cart/)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
