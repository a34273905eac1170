import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresPart } from "@/dev/parts/postgres.ts";
import { throwawayPostgres } from "@/dev/testing/local-parts.ts";
import { addToCart, readCart } from "@/lib/cart/cart-store.ts";
import { db } from "@/lib/db/client.ts";
import { migrateShop } from "@/lib/db/migrations.ts";
import { seedCatalog } from "@/prisma/seed.ts";
import type { CheckoutForm } from "./checkout-form.ts";
import { getOrder, listOrders } from "./order-queries.ts";
import { placeOrder } from "./place-order.ts";
import { SHIPPING_METHODS } from "./shipping.ts";

const BROWSER = { anonymousId: null, sessionId: null, pageUrl: "http://127.0.0.1:3000/checkout" };

let postgres: PostgresPart;
let sql: pg.Client;

beforeAll(async () => {
  postgres = await throwawayPostgres("shop_orders_test");
  await migrateShop(postgres.url);
  await seedCatalog(postgres.url);
  process.env.DATABASE_URL = postgres.url;
  sql = new pg.Client({ connectionString: postgres.url });
  await sql.connect();
});

afterAll(async () => {
  await db().$disconnect();
  await sql?.end();
  await postgres?.stop();
});

let productOffset = 0;
/** A product of its own for each test, with exactly `stock` units. */
async function productWithStock(stock: number): Promise<{ id: number; priceCents: number; name: string }> {
  const { rows } = await sql.query<{ id: number; price_cents: number; name: string }>(
    "UPDATE product SET stock = $1 WHERE id = (SELECT id FROM product ORDER BY id OFFSET $2 LIMIT 1) RETURNING id, price_cents, name",
    [stock, productOffset++],
  );
  const product = rows[0];
  if (!product) throw new Error("no product");
  return { id: product.id, priceCents: product.price_cents, name: product.name };
}

async function shopper(): Promise<string> {
  const { rows } = await sql.query<{ id: string }>("INSERT INTO app_user (cognito_sub, email) VALUES ($1, $2) RETURNING id", [
    randomUUID(),
    `${randomUUID()}@example.com`,
  ]);
  const id = rows[0]?.id;
  if (!id) throw new Error("no user");
  return id;
}

async function fill(userId: string, productId: number, quantity: number): Promise<void> {
  const change = await addToCart({ userId }, productId, quantity);
  if (!change.ok) throw new Error(change.message);
}

function checkout(overrides: Partial<CheckoutForm> = {}): CheckoutForm {
  return {
    address: { name: "Ada Lovelace", line1: "12 Analytical Way", line2: "", city: "London", region: "", postalCode: "N1 9GU", country: "GB" },
    shippingMethod: "standard",
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

async function stockOf(productId: number): Promise<{ stock: number; unitsSold: number }> {
  const { rows } = await sql.query<{ stock: number; units_sold: number }>("SELECT stock, units_sold FROM product WHERE id = $1", [productId]);
  return { stock: rows[0]?.stock ?? -1, unitsSold: rows[0]?.units_sold ?? -1 };
}

/** The purchase events in the outbox that include a product. */
async function outboxFor(productId: number): Promise<Array<Record<string, unknown>>> {
  const { rows } = await sql.query<{ event: Record<string, unknown> }>(
    "SELECT event FROM event_outbox WHERE event_name = 'purchase' AND event->'properties'->'items' @> jsonb_build_array(jsonb_build_object('product_id', $1::text))",
    [String(productId)],
  );
  return rows.map((row) => row.event);
}

/** The stock levels the shop announced for a product (product_updated events in the outbox), oldest first. */
async function announcedStock(productId: number): Promise<number[]> {
  const { rows } = await sql.query<{ stock: number }>(
    "SELECT (event->'properties'->>'stock')::int AS stock FROM event_outbox WHERE event_name = 'product_updated' AND event->'properties'->>'product_id' = $1 ORDER BY created_at, event_id",
    [String(productId)],
  );
  return rows.map((row) => row.stock);
}

async function orderCount(where: string, params: unknown[]): Promise<number> {
  const { rows } = await sql.query<{ n: string }>(`SELECT count(*) AS n FROM shop_order WHERE ${where}`, params);
  return Number(rows[0]?.n);
}

describe("placeOrder", () => {
  it("sells the last unit to exactly one of 50 buyers placing orders at once", async () => {
    const product = await productWithStock(50);
    const buyers: string[] = [];
    for (let i = 0; i < 50; i++) buyers.push(await shopper());
    for (const buyer of buyers) await fill(buyer, product.id, 1);
    await sql.query("UPDATE product SET stock = 1 WHERE id = $1", [product.id]);
    const before = await stockOf(product.id);

    const results = await Promise.all(buyers.map((buyer) => placeOrder(buyer, checkout(), BROWSER)));

    const placed = results.filter((result) => result.ok);
    expect(placed).toHaveLength(1);
    for (const refused of results.filter((result) => !result.ok)) {
      expect(refused).toEqual({ ok: false, message: `${product.name} has just sold out. Remove it from your cart to order the rest.` });
    }
    expect(await stockOf(product.id)).toEqual({ stock: 0, unitsSold: before.unitsSold + 1 });
    // Exactly one purchase event waits in the outbox: the refused orders left none.
    expect(await outboxFor(product.id)).toHaveLength(1);
    const { rows } = await sql.query<{ n: string }>("SELECT count(*) AS n FROM order_line WHERE product_id = $1", [product.id]);
    expect(Number(rows[0]?.n)).toBe(1);
    // The 49 who missed out keep their carts, to lower or remove.
    const keptCarts = await Promise.all(buyers.map((buyer) => readCart({ userId: buyer })));
    expect(keptCarts.filter((cart) => cart.itemCount === 1)).toHaveLength(49);
  });

  it("places one order for a form submitted twice at once, and finds it again on a later submit", async () => {
    const product = await productWithStock(10);
    const buyer = await shopper();
    await fill(buyer, product.id, 2);
    const form = checkout();
    const announcedBefore = await announcedStock(product.id);

    const results = await Promise.all(Array.from({ length: 5 }, () => placeOrder(buyer, form, BROWSER)));

    const ids = new Set(results.map((result) => (result.ok ? result.orderId : result.message)));
    expect(ids.size).toBe(1);
    expect(results.filter((result) => result.ok && !result.repeated)).toHaveLength(1);
    expect(await orderCount("user_id = $1", [buyer])).toBe(1);
    expect((await stockOf(product.id)).stock).toBe(8);
    expect(await outboxFor(product.id)).toHaveLength(1);
    // The stock the order took is announced once, as it stands after the order.
    expect(await announcedStock(product.id)).toEqual([...announcedBefore, 8]);

    const later = await placeOrder(buyer, form, BROWSER);
    expect(later).toMatchObject({ ok: true, repeated: true, orderId: [...ids][0] });
    expect((await stockOf(product.id)).stock).toBe(8);
  });

  it("prices the order from the catalog at the moment it is placed, and empties the cart", async () => {
    const cheap = await productWithStock(5);
    const dear = await productWithStock(5);
    const buyer = await shopper();
    await fill(buyer, cheap.id, 3);
    await fill(buyer, dear.id, 1);
    await sql.query("UPDATE product SET price_cents = price_cents + 500 WHERE id = $1", [dear.id]);

    const result = await placeOrder(buyer, checkout({ shippingMethod: "express" }), BROWSER);
    if (!result.ok) throw new Error(result.message);

    const subtotal = cheap.priceCents * 3 + dear.priceCents + 500;
    const order = await getOrder(buyer, result.orderId);
    expect(order).toMatchObject({
      subtotalCents: subtotal,
      shippingCents: SHIPPING_METHODS.express.priceCents,
      totalCents: subtotal + SHIPPING_METHODS.express.priceCents,
      itemCount: 4,
      shippingMethod: "Express",
      shipTo: { name: "Ada Lovelace", country: "GB" },
    });
    expect(order?.lines.map((line) => [line.productId, line.quantity, line.unitPriceCents])).toEqual(
      expect.arrayContaining([
        [cheap.id, 3, cheap.priceCents],
        [dear.id, 1, dear.priceCents + 500],
      ]),
    );
    expect((await readCart({ userId: buyer })).itemCount).toBe(0);
    expect(await placeOrder(buyer, checkout(), BROWSER)).toEqual({ ok: false, message: "Your cart is empty." });

    // Its purchase event, committed with it, carries the same facts.
    const [event] = await outboxFor(dear.id);
    const { rows: accounts } = await sql.query<{ cognito_sub: string }>("SELECT cognito_sub FROM app_user WHERE id = $1", [buyer]);
    expect(event).toMatchObject({
      event_name: "purchase",
      // Named as the ingest names a signed-in shopper: by their Cognito id.
      user_id: accounts[0]?.cognito_sub,
      properties: { order_id: result.orderId, order_number: result.orderNumber, revenue_cents: order?.totalCents, shipping_method: "Express" },
    });
  });

  it("changes nothing when one line cannot be met", async () => {
    const plenty = await productWithStock(10);
    const scarce = await productWithStock(3);
    const buyer = await shopper();
    await fill(buyer, plenty.id, 2);
    await fill(buyer, scarce.id, 3);
    await sql.query("UPDATE product SET stock = 2 WHERE id = $1", [scarce.id]);

    const result = await placeOrder(buyer, checkout(), BROWSER);

    expect(result).toEqual({ ok: false, message: `Only 2 of ${scarce.name} left. Lower the quantity in your cart to order.` });
    expect((await stockOf(plenty.id)).stock).toBe(10);
    expect((await stockOf(scarce.id)).stock).toBe(2);
    expect(await orderCount("user_id = $1", [buyer])).toBe(0);
    expect((await readCart({ userId: buyer })).itemCount).toBe(5);
  });

  it("shows a shopper their own orders only", async () => {
    const product = await productWithStock(10);
    const alice = await shopper();
    const bob = await shopper();
    await fill(alice, product.id, 1);
    const placed = await placeOrder(alice, checkout(), BROWSER);
    if (!placed.ok) throw new Error(placed.message);

    expect((await listOrders(alice)).map((order) => order.id)).toEqual([placed.orderId]);
    expect(await listOrders(bob)).toEqual([]);
    expect(await getOrder(bob, placed.orderId)).toBeNull();
    expect(await getOrder(alice, "not-an-id")).toBeNull();
  });
});
