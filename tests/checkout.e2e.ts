import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { startShopSystem, type ShopSystem } from "../dev/testing/shop-system.ts";
import { newEmail, signInHere, signUpHere } from "./support/accounts.ts";

// The whole purchase: browse and filter, add to cart while anonymous, sign up at checkout (the
// cart comes along), place the order, find it in the history; and the guarantees around it:
// one order per form however often it is sent, another shopper's order is not found, signing
// out leaves no cart behind, the wishlist moves to the cart.
let running: ShopSystem;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  running = await startShopSystem();
});
test.afterAll(async () => {
  await running?.stop();
});

async function query<T extends pg.QueryResultRow>(text: string, params: unknown[] = [], database: "shop db" | "warehouse db" = "shop db"): Promise<T[]> {
  const client = new pg.Client({ connectionString: running.system.urls[database] });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** Filters a category down to in-stock products of one brand, and opens the first one. */
async function browseToProduct(page: Page): Promise<{ slug: string; name: string }> {
  await page.goto(`${running.shop}/c/monitors`);
  await page.getByRole("checkbox", { name: /^In stock/ }).check();
  await page.waitForURL(/in_stock=1/);
  const card = page.locator("#main article").filter({ hasText: "In stock" }).first();
  await card.locator("a").first().click();
  await page.waitForURL(/\/products\//);
  const slug = new URL(page.url()).pathname.replace("/products/", "");
  return { slug, name: (await page.locator("h1").innerText()).trim() };
}

async function fillAddress(page: Page): Promise<void> {
  await page.getByLabel("Full name").fill("Ada Lovelace");
  await page.getByLabel("Street address").fill("12 Analytical Way");
  await page.getByLabel("City").fill("London");
  await page.getByLabel("Postal code").fill("N1 9GU");
  await page.getByLabel("Country").selectOption("GB");
}

test("browse → filter → cart → sign up at checkout → order → history, with the cart kept through sign-up", async ({ page }) => {
  test.setTimeout(180_000);
  const product = await browseToProduct(page);
  const [{ stock: stockBefore } = { stock: 0 }] = await query<{ stock: number }>("SELECT stock FROM product WHERE slug = $1", [product.slug]);
  await page.getByLabel("Quantity").fill("2");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("link", { name: "Cart, 2 items" })).toBeVisible();

  await page.getByRole("link", { name: "Cart, 2 items" }).click();
  await page.getByRole("link", { name: "Check out" }).click();
  await page.waitForURL(/\/sign-in\?next=%2Fcheckout/);
  const email = newEmail("buyer");
  await signUpHere(page, email);

  // Back at checkout, signed in, with the anonymous cart merged into the account's.
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
  await expect(page.getByText(`2 items for ${email}.`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Account" })).toBeVisible();

  // Server-side validation names each field.
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Please correct" })).toHaveText("Please correct the highlighted fields.");
  await expect(page.getByText("Enter the recipient's name")).toBeVisible();

  await fillAddress(page);
  await page.getByRole("radio", { name: /Express/ }).check();
  await page.getByRole("button", { name: "Place order" }).click();
  await page.waitForURL(/\/account\/orders\/[0-9a-f-]{36}\?placed=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Thank you!" })).toContainText(/Your order #\d+ is placed/);
  await expect(page.getByText("No payment was taken")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(product.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) })).toContainText("2");

  const orders = await query<{ id: string; total_cents: number; shipping_cents: number; subtotal_cents: number }>(
    "SELECT o.id, o.total_cents, o.shipping_cents, o.subtotal_cents FROM shop_order o JOIN app_user u ON u.id = o.user_id WHERE u.email = $1",
    [email],
  );
  expect(orders).toHaveLength(1);
  expect(orders[0]?.shipping_cents).toBe(2_499);
  const [{ stock: stockAfter } = { stock: -1 }] = await query<{ stock: number }>("SELECT stock FROM product WHERE slug = $1", [product.slug]);
  expect(stockAfter).toBe(stockBefore - 2);

  // The order's purchase event went out through the outbox, signed, and the ETL loads it as a
  // trusted event with the order's revenue.
  const orderId = new URL(page.url()).pathname.split("/").pop() ?? "";
  await expect
    .poll(async () => (await query<{ delivered: boolean }>("SELECT delivered_at IS NOT NULL AS delivered FROM event_outbox WHERE event->'properties'->>'order_id' = $1", [orderId]))[0]?.delivered, { timeout: 15_000 })
    .toBe(true);
  expect(await running.system.etlPass()).toMatchObject({ status: "succeeded" });
  const loaded = await query<{ trusted: boolean; revenue: string; user_id: string }>(
    "SELECT trusted, properties->>'revenue_cents' AS revenue, user_id FROM fact_event WHERE event_name = 'purchase' AND properties->>'order_id' = $1",
    [orderId],
    "warehouse db",
  );
  expect(loaded).toEqual([{ trusted: true, revenue: String(orders[0]?.total_cents), user_id: expect.stringMatching(/^[0-9a-f-]{36}$/) }]);

  // The cart is empty, the history lists the order, the product page shows the new stock.
  await expect(page.getByRole("link", { name: "Cart", exact: true })).toBeVisible();
  await page.goto(`${running.shop}/account/orders`);
  await expect(page.getByRole("table", { name: "Your orders" }).getByRole("row")).toHaveCount(2);
  await page.goto(`${running.shop}/account`);
  await expect(page.getByText(`Signed in as ${email}.`)).toBeVisible();
});

test("a form sent twice places one order; another shopper's order is not found", async ({ browser }) => {
  test.setTimeout(180_000);
  const alice = await browser.newPage();
  const product = await browseToProduct(alice);
  const [{ stock: stockBefore } = { stock: 0 }] = await query<{ stock: number }>("SELECT stock FROM product WHERE slug = $1", [product.slug]);
  await alice.getByRole("button", { name: "Add to cart" }).click();
  await expect(alice.getByRole("link", { name: "Cart, 1 item" })).toBeVisible();
  await alice.goto(`${running.shop}/checkout`);
  const aliceEmail = newEmail("alice");
  await signUpHere(alice, aliceEmail);
  await expect(alice).toHaveURL(/\/checkout$/);

  // Without JavaScript (a plain form post): place the order, then send that very post again,
  // twice at once, as a double click or a retrying proxy would.
  const noScript = await browser.newContext({ storageState: await alice.context().storageState(), javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(`${running.shop}/checkout`);
  await fillAddress(plain);
  const posted = plain.waitForRequest((request) => request.method() === "POST");
  await plain.getByRole("button", { name: "Place order" }).click();
  const post = await posted;
  await plain.waitForURL(/\/account\/orders\/[0-9a-f-]{36}\?placed=1$/);
  await expect(plain.getByText(/Your order #\d+ is placed/)).toBeVisible();
  const orderUrl = plain.url().replace("?placed=1", "");

  const replay = () =>
    noScript.request.post(post.url(), { headers: { "content-type": (post.headers()["content-type"] ?? "") }, data: post.postDataBuffer() ?? "", maxRedirects: 0 });
  const replies = await Promise.all([replay(), replay()]);
  for (const reply of replies) {
    expect(reply.status()).toBe(303);
    expect(new URL(reply.headers().location ?? "", running.shop).href).toBe(plain.url());
  }
  await noScript.close();
  const placed = await query<{ n: string; units: string }>(
    "SELECT count(DISTINCT o.id) AS n, sum(l.quantity) AS units FROM shop_order o JOIN order_line l ON l.order_id = o.id JOIN app_user u ON u.id = o.user_id WHERE u.email = $1",
    [aliceEmail],
  );
  expect(placed[0]).toEqual({ n: "1", units: "1" });
  const [{ stock } = { stock: -1 }] = await query<{ stock: number }>("SELECT stock FROM product WHERE slug = $1", [product.slug]);
  expect(stock).toBe(stockBefore - 1);

  // Bob, in a browser of his own, cannot see Alice's order: it answers as if it did not exist.
  const bobContext = await browser.newContext();
  const bob = await bobContext.newPage();
  await bob.goto(`${running.shop}/sign-in?mode=sign-up`);
  await signUpHere(bob, newEmail("bob"));
  const response = await bob.goto(orderUrl);
  expect(response?.status()).toBe(404);
  await expect(bob.getByRole("heading", { level: 1 })).toHaveText("We couldn’t find that page");

  // Signed out, the order page asks to sign in; signed in again, Alice sees her order.
  await alice.goto(`${running.shop}/account`);
  await alice.getByRole("button", { name: "Sign out" }).click();
  await alice.waitForURL(`${running.shop}/`);
  await expect(alice.getByRole("link", { name: "Sign in" })).toBeVisible();
  await alice.goto(orderUrl);
  await expect(alice).toHaveURL(/\/sign-in\?next=/);
  await signInHere(alice, aliceEmail);
  await expect(alice).toHaveURL(orderUrl);
  await bobContext.close();
});

test("the wishlist saves a product for a signed-in shopper and moves it to the cart", async ({ page }) => {
  test.setTimeout(120_000);
  const product = await browseToProduct(page);
  await page.getByRole("button", { name: "♡ Save to wishlist" }).click();
  await page.waitForURL(/\/sign-in\?next=%2Fproducts%2F/);
  await signUpHere(page, newEmail("saver"));
  await expect(page).toHaveURL(new RegExp(`/products/${product.slug}$`));
  await page.getByRole("button", { name: "♡ Save to wishlist" }).click();
  await expect(page.getByRole("button", { name: "♥ Saved to wishlist" })).toBeVisible();
  // Reloaded, the cached page still learns it is saved.
  await page.reload();
  await expect(page.getByRole("button", { name: "♥ Saved to wishlist" })).toBeVisible();

  await page.goto(`${running.shop}/account/wishlist`);
  await expect(page.getByRole("link", { name: product.name })).toBeVisible();
  await page.getByRole("button", { name: `Move ${product.name} to cart` }).click();
  await expect(page.getByRole("link", { name: "Cart, 1 item" })).toBeVisible();
  await page.reload();
  await expect(page.getByText("Nothing saved yet")).toBeVisible();
});
