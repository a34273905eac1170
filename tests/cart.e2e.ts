import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { startShopSystem, type ShopSystem } from "../dev/testing/shop-system.ts";

// The cart: add from a product page, change and remove on the cart page, totals from the
// catalog, the stock and quantity limits enforced by the server, with and without JavaScript.
let running: ShopSystem;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  running = await startShopSystem();
});
test.afterAll(async () => {
  await running?.stop();
});

/** Opens a product that is well in stock (not "Only N left"), and returns its price in cents. */
async function openStockedProduct(page: Page): Promise<{ price: number; path: string }> {
  await page.goto(`${running.shop}/c/monitors?in_stock=1`);
  const card = page.locator("#main article").filter({ hasText: "In stock" }).first();
  await card.locator("a").first().click();
  await page.waitForURL(/\/products\//);
  const price = await page.locator("#main article").first().locator("text=/\\$[\\d,]+\\.\\d\\d/").first().innerText();
  return { price: Math.round(Number(price.replace(/[$,]/g, "")) * 100), path: new URL(page.url()).pathname };
}

const money = (cents: number) => `$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`;

test("adds from the product page, then changes, refuses and removes on the cart page", async ({ page }) => {
  test.setTimeout(90_000);
  const { price, path } = await openStockedProduct(page);
  const status = page.locator("form").filter({ has: page.getByRole("button", { name: "Add to cart" }) }).getByRole("status");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(status).toHaveText(/Added 1 to your cart\./);
  await expect(page.getByRole("link", { name: "Cart, 1 item" })).toBeVisible();
  await page.getByLabel("Quantity").fill("2");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("link", { name: "Cart, 3 items" })).toBeVisible();

  await page.getByRole("link", { name: "Cart, 3 items" }).click();
  await page.waitForURL(/\/cart$/);
  await expect(page.getByText(/^Subtotal/)).toContainText(money(price * 3));

  // Stock sells out while the product page is still cached with the old level: the server, not
  // the page, has the last word.
  const shopDb = new pg.Client({ connectionString: running.system.urls["shop db"] });
  await shopDb.connect();
  await shopDb.query("UPDATE product SET stock = 2 WHERE slug = $1", [path.replace("/products/", "")]).finally(() => shopDb.end());
  await page.goto(`${running.shop}${path}`);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText("Only 2 in stock, and 3 are already in your cart.")).toBeVisible();

  await page.goto(`${running.shop}/cart`);
  await expect(page.getByText("Only 2 left: lower the quantity to order it.")).toBeVisible();
  await page.getByLabel(/^Quantity of /).fill("2");
  await page.getByRole("button", { name: "Update" }).click();
  await expect(page.getByText(/^Subtotal/)).toContainText(money(price * 2));
  await expect(page.getByRole("link", { name: "Cart, 2 items" })).toBeVisible();

  await page.getByRole("button", { name: /^Remove / }).click();
  await expect(page.getByText("Your cart is empty.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Cart", exact: true })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a product is added with a plain form post and shows in the cart", async ({ page }) => {
    const { price } = await openStockedProduct(page);
    await page.getByLabel("Quantity").fill("2");
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByText(/Added 2 to your cart\./)).toBeVisible();
    await page.goto(`${running.shop}/cart`);
    await expect(page.getByText(/^Subtotal/)).toContainText(money(price * 2));
  });
});
