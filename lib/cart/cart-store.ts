import "server-only";
import { toProductSummary } from "@/lib/catalog/mappers.ts";
import { summarySelect } from "@/lib/catalog/queries.ts";
import { db } from "@/lib/db/client.ts";
import type { Prisma } from "@/lib/db/generated/client.ts";
import { MAX_LINE_QUANTITY } from "./quantity.ts";
import { EMPTY_CART, type CartChange, type CartView } from "./types.ts";

/**
 * Carts in the shop database. A cart is found by its id (from the shopper's cookie); every
 * change keeps each line within the product's stock at that moment (checkout checks again, as
 * stock may sell out meanwhile) and within MAX_LINE_QUANTITY.
 */

type Tx = Prisma.TransactionClient;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isCartId = (value: string | null | undefined): value is string => typeof value === "string" && UUID.test(value);

const lineSelect = { quantity: true, product: { select: summarySelect } } satisfies Prisma.CartItemSelect;

export async function readCart(cartId: string | null | undefined): Promise<CartView> {
  if (!isCartId(cartId)) return EMPTY_CART;
  const rows = await db().cartItem.findMany({ where: { cartId }, select: lineSelect, orderBy: { addedAt: "asc" } });
  const lines = rows.map(({ quantity, product }) => {
    const summary = toProductSummary(product);
    return { product: summary, quantity, lineTotalCents: summary.priceCents * quantity, exceedsStock: quantity > summary.stock };
  });
  return {
    lines,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotalCents: lines.reduce((sum, line) => sum + line.lineTotalCents, 0),
    currency: lines[0]?.product.currency ?? EMPTY_CART.currency,
  };
}

function stockMessage(stock: number, inCart: number): string {
  if (stock <= 0) return "Sorry, this product is out of stock.";
  const left = `Only ${stock} in stock`;
  return inCart > 0 ? `${left}, and ${inCart} ${inCart === 1 ? "is" : "are"} already in your cart.` : `${left}.`;
}

/** The cart to change: the given one if it still exists, else a new one. */
async function cartFor(tx: Tx, cartId: string | null | undefined): Promise<string> {
  if (isCartId(cartId) && (await tx.cart.findUnique({ where: { id: cartId }, select: { id: true } }))) return cartId;
  return (await tx.cart.create({ data: {}, select: { id: true } })).id;
}

async function itemCount(tx: Tx, cartId: string): Promise<number> {
  const total = await tx.cartItem.aggregate({ where: { cartId }, _sum: { quantity: true } });
  return total._sum.quantity ?? 0;
}

/** Adds `quantity` of a product, on top of what the cart holds, if stock allows. */
export function addToCart(cartId: string | null | undefined, productId: number, quantity: number): Promise<CartChange> {
  return db().$transaction(async (tx) => {
    const product = await tx.product.findUnique({ where: { id: productId }, select: { stock: true } });
    if (!product) return { ok: false, message: "This product is no longer sold." };
    const id = await cartFor(tx, cartId);
    const line = await tx.cartItem.findUnique({ where: { cartId_productId: { cartId: id, productId } }, select: { quantity: true } });
    const inCart = line?.quantity ?? 0;
    const wanted = inCart + quantity;
    if (wanted > product.stock) return { ok: false, message: stockMessage(product.stock, inCart) };
    if (wanted > MAX_LINE_QUANTITY) return { ok: false, message: `At most ${MAX_LINE_QUANTITY} of one product per order.` };
    await tx.cartItem.upsert({
      where: { cartId_productId: { cartId: id, productId } },
      create: { cartId: id, productId, quantity: wanted },
      update: { quantity: wanted },
    });
    await tx.cart.update({ where: { id }, data: { updatedAt: new Date() } });
    return { ok: true, cartId: id, itemCount: await itemCount(tx, id) };
  });
}

/** Sets a line's quantity, if stock allows. */
export function setCartQuantity(cartId: string | null | undefined, productId: number, quantity: number): Promise<CartChange> {
  if (!isCartId(cartId)) return Promise.resolve({ ok: false, message: "Your cart has expired; add the product again." });
  return db().$transaction(async (tx) => {
    const line = await tx.cartItem.findUnique({
      where: { cartId_productId: { cartId, productId } },
      select: { product: { select: { stock: true } } },
    });
    if (!line) return { ok: false, message: "This product is no longer in your cart." };
    if (quantity > line.product.stock) return { ok: false, message: stockMessage(line.product.stock, 0) };
    await tx.cartItem.update({ where: { cartId_productId: { cartId, productId } }, data: { quantity } });
    await tx.cart.update({ where: { id: cartId }, data: { updatedAt: new Date() } });
    return { ok: true, cartId, itemCount: await itemCount(tx, cartId) };
  });
}

export function removeFromCart(cartId: string | null | undefined, productId: number): Promise<CartChange> {
  if (!isCartId(cartId)) return Promise.resolve({ ok: false, message: "Your cart has expired." });
  return db().$transaction(async (tx) => {
    await tx.cartItem.deleteMany({ where: { cartId, productId } });
    return { ok: true, cartId, itemCount: await itemCount(tx, cartId) };
  });
}
