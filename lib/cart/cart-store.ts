import "server-only";
import { toProductSummary } from "@/lib/catalog/mappers.ts";
import { summarySelect } from "@/lib/catalog/queries.ts";
import { db } from "@/lib/db/client.ts";
import type { Prisma } from "@/lib/db/generated/client.ts";
import { MAX_LINE_QUANTITY } from "./quantity.ts";
import { EMPTY_CART, type CartChange, type CartView } from "./types.ts";

/**
 * Carts in the shop database. An anonymous shopper's cart is found by its id (from their cookie)
 * and only while no user owns it; a signed-in shopper's by their user id. Every change keeps each
 * line within the product's stock at that moment (checkout checks again, as stock may sell out
 * meanwhile) and within MAX_LINE_QUANTITY.
 */

type Tx = Prisma.TransactionClient;

/** An anonymous cart's id from the cookie (maybe absent or forged), or a signed-in shopper. */
export type CartRef = string | null | undefined | { readonly userId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isCartId = (value: string | null | undefined): value is string => typeof value === "string" && UUID.test(value);

const lineSelect = { quantity: true, product: { select: summarySelect } } satisfies Prisma.CartItemSelect;

/** The id of the existing cart a ref points at, or null. */
async function existingCartId(tx: Tx, ref: CartRef): Promise<string | null> {
  if (typeof ref === "object" && ref !== null) {
    return (await tx.cart.findUnique({ where: { userId: ref.userId }, select: { id: true } }))?.id ?? null;
  }
  if (!isCartId(ref)) return null;
  return (await tx.cart.findFirst({ where: { id: ref, userId: null }, select: { id: true } }))?.id ?? null;
}

export async function readCart(ref: CartRef): Promise<CartView> {
  const cartId = await existingCartId(db(), ref);
  if (!cartId) return EMPTY_CART;
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

/** The cart to change: the one the ref points at if it exists, else a new one. */
async function cartFor(tx: Tx, ref: CartRef): Promise<string> {
  if (typeof ref === "object" && ref !== null) {
    // An upsert (INSERT … ON CONFLICT), so two first adds at once still make one cart.
    return (await tx.cart.upsert({ where: { userId: ref.userId }, create: { userId: ref.userId }, update: {}, select: { id: true } })).id;
  }
  return (await existingCartId(tx, ref)) ?? (await tx.cart.create({ data: {}, select: { id: true } })).id;
}

async function itemCount(tx: Tx, cartId: string): Promise<number> {
  const total = await tx.cartItem.aggregate({ where: { cartId }, _sum: { quantity: true } });
  return total._sum.quantity ?? 0;
}

/** Adds `quantity` of a product, on top of what the cart holds, if stock allows. */
export function addToCart(ref: CartRef, productId: number, quantity: number): Promise<CartChange> {
  return db().$transaction(async (tx) => {
    const product = await tx.product.findUnique({ where: { id: productId }, select: { stock: true } });
    if (!product) return { ok: false, message: "This product is no longer sold." };
    const id = await cartFor(tx, ref);
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
    return { ok: true, cartId: id, itemCount: await itemCount(tx, id), quantityDelta: quantity };
  });
}

/** Sets a line's quantity, if stock allows. */
export function setCartQuantity(ref: CartRef, productId: number, quantity: number): Promise<CartChange> {
  return db().$transaction(async (tx) => {
    const cartId = await existingCartId(tx, ref);
    if (!cartId) return { ok: false, message: "Your cart has expired; add the product again." };
    const line = await tx.cartItem.findUnique({
      where: { cartId_productId: { cartId, productId } },
      select: { quantity: true, product: { select: { stock: true } } },
    });
    if (!line) return { ok: false, message: "This product is no longer in your cart." };
    if (quantity > line.product.stock) return { ok: false, message: stockMessage(line.product.stock, 0) };
    await tx.cartItem.update({ where: { cartId_productId: { cartId, productId } }, data: { quantity } });
    await tx.cart.update({ where: { id: cartId }, data: { updatedAt: new Date() } });
    return { ok: true, cartId, itemCount: await itemCount(tx, cartId), quantityDelta: quantity - line.quantity };
  });
}

export function removeFromCart(ref: CartRef, productId: number): Promise<CartChange> {
  return db().$transaction(async (tx) => {
    const cartId = await existingCartId(tx, ref);
    if (!cartId) return { ok: false, message: "Your cart has expired." };
    const line = await tx.cartItem.findUnique({ where: { cartId_productId: { cartId, productId } }, select: { quantity: true } });
    await tx.cartItem.deleteMany({ where: { cartId, productId } });
    const quantityDelta = -(line?.quantity ?? 0);
    return { ok: true, cartId, itemCount: await itemCount(tx, cartId), quantityDelta };
  });
}

/**
 * Moves an anonymous cart's lines into a signed-in shopper's cart (made if they have none) and
 * deletes the anonymous cart. A product in both gets the sum, kept within stock and
 * MAX_LINE_QUANTITY; a sold-out product is dropped. Merging a cart that is gone, or already
 * merged, changes nothing, so a repeated sign-in is harmless.
 */
export function mergeIntoUserCart(anonymousCartId: string | null | undefined, userId: string): Promise<{ cartId: string; itemCount: number }> {
  return db().$transaction(async (tx) => {
    const cartId = await cartFor(tx, { userId });
    const fromId = await existingCartId(tx, anonymousCartId);
    if (fromId && fromId !== cartId) {
      const incoming = await tx.cartItem.findMany({
        where: { cartId: fromId },
        select: { productId: true, quantity: true, addedAt: true, product: { select: { stock: true } } },
      });
      for (const line of incoming) {
        const current = await tx.cartItem.findUnique({ where: { cartId_productId: { cartId, productId: line.productId } }, select: { quantity: true } });
        const quantity = Math.min((current?.quantity ?? 0) + line.quantity, line.product.stock, MAX_LINE_QUANTITY);
        if (quantity < 1) continue;
        await tx.cartItem.upsert({
          where: { cartId_productId: { cartId, productId: line.productId } },
          create: { cartId, productId: line.productId, quantity, addedAt: line.addedAt },
          update: { quantity },
        });
      }
      await tx.cart.delete({ where: { id: fromId } });
      await tx.cart.update({ where: { id: cartId }, data: { updatedAt: new Date() } });
    }
    return { cartId, itemCount: await itemCount(tx, cartId) };
  });
}
