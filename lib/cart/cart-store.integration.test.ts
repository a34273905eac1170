import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresPart } from "@/dev/parts/postgres.ts";
import { throwawayPostgres } from "@/dev/testing/local-parts.ts";
import { db } from "@/lib/db/client.ts";
import { migrateShop } from "@/lib/db/migrations.ts";
import { seedCatalog } from "@/prisma/seed.ts";
import { addToCart, mergeIntoUserCart, readCart, removeFromCart, setCartQuantity } from "./cart-store.ts";

let postgres: PostgresPart;
let sql: pg.Client;

beforeAll(async () => {
  postgres = await throwawayPostgres("shop_cart_test");
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

/** A product with exactly `stock` units (set here, so the test does not depend on seed levels). */
async function productWithStock(stock: number, offset = 0): Promise<{ id: number; priceCents: number }> {
  const row = await sql.query<{ id: number; price_cents: number }>(
    "UPDATE product SET stock = $1 WHERE id = (SELECT id FROM product ORDER BY id OFFSET $2 LIMIT 1) RETURNING id, price_cents",
    [stock, offset],
  );
  const product = row.rows[0];
  if (!product) throw new Error("no product");
  return { id: product.id, priceCents: product.price_cents };
}

function cartIdOf(change: Awaited<ReturnType<typeof addToCart>>): string {
  if (!change.ok) throw new Error(change.message);
  return change.cartId;
}

describe("cart", () => {
  it("creates a cart on the first add and prices it from the catalog", async () => {
    const a = await productWithStock(10, 0);
    const b = await productWithStock(10, 1);
    const cartId = cartIdOf(await addToCart(null, a.id, 2));
    expect(await addToCart(cartId, b.id, 1)).toEqual({ ok: true, cartId, itemCount: 3, quantityDelta: 1 });
    expect(await addToCart(cartId, a.id, 1)).toEqual({ ok: true, cartId, itemCount: 4, quantityDelta: 1 });

    // A price change shows in the cart at once: it stores no prices.
    await sql.query("UPDATE product SET price_cents = price_cents + 100 WHERE id = $1", [a.id]);
    const cart = await readCart(cartId);
    expect(cart.lines.map((line) => [line.product.id, line.quantity])).toEqual([[a.id, 3], [b.id, 1]]);
    expect(cart.subtotalCents).toBe((a.priceCents + 100) * 3 + b.priceCents);
    expect(cart.itemCount).toBe(4);
  });

  it("never holds more than the stock, counting what the cart has already", async () => {
    const product = await productWithStock(3, 2);
    const cartId = cartIdOf(await addToCart(null, product.id, 2));
    expect(await addToCart(cartId, product.id, 2)).toEqual({ ok: false, message: "Only 3 in stock, and 2 are already in your cart." });
    expect(await setCartQuantity(cartId, product.id, 4)).toEqual({ ok: false, message: "Only 3 in stock." });
    expect(await setCartQuantity(cartId, product.id, 3)).toMatchObject({ ok: true, itemCount: 3, quantityDelta: 1 });

    const soldOut = await productWithStock(0, 3);
    expect(await addToCart(cartId, soldOut.id, 1)).toEqual({ ok: false, message: "Sorry, this product is out of stock." });

    // Stock can fall below a cart's quantity afterwards; the cart says so.
    await sql.query("UPDATE product SET stock = 1 WHERE id = $1", [product.id]);
    expect((await readCart(cartId)).lines[0]).toMatchObject({ quantity: 3, exceedsStock: true });
  });

  it("removes lines, and treats unknown or malformed cart ids as an empty cart", async () => {
    const product = await productWithStock(5, 4);
    const cartId = cartIdOf(await addToCart(null, product.id, 1));
    expect(await removeFromCart(cartId, product.id)).toEqual({ ok: true, cartId, itemCount: 0, quantityDelta: -1 });
    expect((await readCart(cartId)).lines).toEqual([]);
    expect((await readCart("not-a-uuid")).itemCount).toBe(0);
    expect((await readCart("00000000-0000-4000-8000-000000000000")).itemCount).toBe(0);
    // An add with a cart id that no longer exists starts a new cart.
    const fresh = cartIdOf(await addToCart("00000000-0000-4000-8000-000000000000", product.id, 1));
    expect(fresh).not.toBe("00000000-0000-4000-8000-000000000000");
    expect(await addToCart(fresh, 999_999, 1)).toEqual({ ok: false, message: "This product is no longer sold." });
  });

  it("keeps a signed-in shopper's cart by account, and never opens it from an anonymous cookie", async () => {
    const product = await productWithStock(5, 5);
    const userId = await newUser();
    const userCart = cartIdOf(await addToCart({ userId }, product.id, 2));
    expect(cartIdOf(await addToCart({ userId }, product.id, 1))).toBe(userCart);
    expect((await readCart({ userId })).itemCount).toBe(3);
    // Someone holding the cart's id (a stale cookie after sign-out) sees nothing and changes nothing.
    expect((await readCart(userCart)).itemCount).toBe(0);
    expect(await removeFromCart(userCart, product.id)).toEqual({ ok: false, message: "Your cart has expired." });
    expect(cartIdOf(await addToCart(userCart, product.id, 1))).not.toBe(userCart);
    expect((await readCart({ userId })).itemCount).toBe(3);
  });

  it("merges the anonymous cart into the account's on sign-in, within stock, once", async () => {
    const both = await productWithStock(4, 6);
    const onlyAnonymous = await productWithStock(5, 7);
    const soldOut = await productWithStock(5, 8);
    const userId = await newUser();
    await addToCart({ userId }, both.id, 3);
    const anonymous = cartIdOf(await addToCart(null, both.id, 2));
    await addToCart(anonymous, onlyAnonymous.id, 1);
    await addToCart(anonymous, soldOut.id, 1);
    await sql.query("UPDATE product SET stock = 0 WHERE id = $1", [soldOut.id]);

    const merged = await mergeIntoUserCart(anonymous, userId);

    const cart = await readCart({ userId });
    expect(cart.lines.map((line) => [line.product.id, line.quantity])).toEqual([
      [both.id, 4],
      [onlyAnonymous.id, 1],
    ]);
    expect(merged.itemCount).toBe(5);
    expect((await readCart(anonymous)).itemCount).toBe(0);
    // Signing in again (another tab, a retry) changes nothing.
    expect(await mergeIntoUserCart(anonymous, userId)).toEqual(merged);
    // A first sign-in with no anonymous cart makes the account's cart.
    const newcomer = await newUser();
    expect(await mergeIntoUserCart(undefined, newcomer)).toMatchObject({ itemCount: 0 });
  });
});

async function newUser(): Promise<string> {
  const { rows } = await sql.query<{ id: string }>("INSERT INTO app_user (cognito_sub, email) VALUES (gen_random_uuid()::text, 'cart@example.com') RETURNING id");
  const id = rows[0]?.id;
  if (!id) throw new Error("no user");
  return id;
}
