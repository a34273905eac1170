import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { startShopSystem, type ShopSystem } from "../dev/testing/shop-system.ts";
import { newEmail, signUpHere } from "./support/accounts.ts";

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
  "/deals",
  "/sign-in",
  "/sign-in?mode=sign-up",
  "/no-such-page",
];

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function seriousViolations(page: Page): Promise<string[]> {
  // Next streams a dynamic page's metadata to browsers (not to bots): its <title> can land just
  // after the page's load event. Judge the page once it has arrived; a page without one fails here.
  await expect(page).toHaveTitle(/\S/);
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

for (const colorScheme of ["light", "dark"] as const) {
  test(`a signed-in shopper's pages have no serious or critical violation (${colorScheme} colours)`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    await page.goto(`${running.shop}/c/monitors?in_stock=1`);
    await page.locator("#main article a").first().click();
    await page.waitForURL(/\/products\//);
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByText(/Added 1 to your cart/)).toBeVisible();
    await page.goto(`${running.shop}/checkout`);
    await signUpHere(page, newEmail(`axe-${colorScheme}`));
    await expect(page.getByRole("button", { name: "Place order" })).toBeVisible();
    // With the form's errors showing, too.
    await page.getByRole("button", { name: "Place order" }).click();
    await expect(page.getByText("Enter the recipient's name")).toBeVisible();
    const problems: Record<string, string[]> = { "/checkout": await seriousViolations(page) };
    await page.getByLabel("Full name").fill("Grace Hopper");
    await page.getByLabel("Street address").fill("1 Compiler Road");
    await page.getByLabel("City").fill("Arlington");
    await page.getByLabel("Postal code").fill("22201");
    await page.getByRole("button", { name: "Place order" }).click();
    await page.waitForURL(/placed=1$/);
    problems["order confirmation"] = await seriousViolations(page);
    for (const path of ["/account", "/account/orders", "/account/wishlist"]) {
      await page.goto(`${running.shop}${path}`);
      problems[path] = await seriousViolations(page);
    }
    expect(problems).toEqual({ "/checkout": [], "order confirmation": [], "/account": [], "/account/orders": [], "/account/wishlist": [] });
  });
}
