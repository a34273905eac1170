import "server-only";
import { addToCart } from "@/lib/cart/cart-store.ts";
import type { CartChange } from "@/lib/cart/types.ts";
import { toProductSummary } from "@/lib/catalog/mappers.ts";
import { summarySelect } from "@/lib/catalog/queries.ts";
import type { ProductSummary } from "@/lib/catalog/types.ts";
import { db } from "@/lib/db/client.ts";

/** A signed-in shopper's saved products, newest first. */
export async function listWishlist(userId: string): Promise<ProductSummary[]> {
  const rows = await db().wishlistItem.findMany({ where: { userId }, orderBy: { addedAt: "desc" }, select: { product: { select: summarySelect } } });
  return rows.map((row) => toProductSummary(row.product));
}

export async function isInWishlist(userId: string, productId: number): Promise<boolean> {
  return (await db().wishlistItem.count({ where: { userId, productId } })) > 0;
}

/** Saves a product; saving it again changes nothing. False when the product does not exist. */
export async function addToWishlist(userId: string, productId: number): Promise<boolean> {
  if ((await db().product.count({ where: { id: productId } })) === 0) return false;
  await db().wishlistItem.createMany({ data: [{ userId, productId }], skipDuplicates: true });
  return true;
}

export async function removeFromWishlist(userId: string, productId: number): Promise<void> {
  await db().wishlistItem.deleteMany({ where: { userId, productId } });
}

/** Adds one to the shopper's cart and, if that worked, takes it off the wishlist. */
export async function moveToCart(userId: string, productId: number): Promise<CartChange> {
  const change = await addToCart({ userId }, productId, 1);
  if (change.ok) await removeFromWishlist(userId, productId);
  return change;
}
