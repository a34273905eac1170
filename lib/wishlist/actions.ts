"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signInHref } from "@/lib/auth/routes.ts";
import { safeReturnTo } from "@/lib/auth/return-to.ts";
import { currentShopper } from "@/lib/auth/session.ts";
import { writeCartCount } from "@/lib/cart/cart-cookie-writer.ts";
import { productIdSchema } from "@/lib/cart/quantity.ts";
import { cartHref } from "@/lib/cart/routes.ts";
import { addToWishlist, isInWishlist, moveToCart, removeFromWishlist } from "./wishlist-store.ts";
import { wishlistHref } from "./routes.ts";
import { recordProductChange } from "@/lib/tracking/server/shop-events.ts";

export type WishlistState = { status: "idle" | "saved" | "removed" } | { status: "error"; message: string } | { status: "moved"; message: string };

const formSchema = z.object({ productId: productIdSchema, intent: z.enum(["add", "remove", "move-to-cart"]), returnTo: z.string().optional() });

/** Whether the signed-in shopper has saved a product (false for anyone else). */
export async function wishlistStatus(productId: number): Promise<boolean> {
  const id = z.number().int().positive().safeParse(productId);
  const shopper = await currentShopper();
  return id.success && shopper ? isInWishlist(shopper.id, id.data) : false;
}

/** Add, remove or move to cart; anyone not signed in is sent to sign in and brought back. */
export async function wishlistAction(_previous: WishlistState, form: FormData): Promise<WishlistState> {
  const input = formSchema.safeParse({ productId: form.get("productId"), intent: form.get("intent"), returnTo: form.get("returnTo") ?? undefined });
  if (!input.success) return { status: "error", message: input.error.issues[0]?.message ?? "That did not work; try again." };
  const { productId, intent } = input.data;
  const shopper = await currentShopper();
  if (!shopper) redirect(signInHref(safeReturnTo(input.data.returnTo ?? wishlistHref())));

  if (intent === "add") {
    if (!(await addToWishlist(shopper.id, productId))) return { status: "error", message: "This product is no longer sold." };
    await recordProductChange("wishlist_add", productId, 1, shopper.cognitoSub, wishlistHref());
    revalidatePath(wishlistHref());
    return { status: "saved" };
  }
  if (intent === "remove") {
    await removeFromWishlist(shopper.id, productId);
    await recordProductChange("wishlist_remove", productId, 1, shopper.cognitoSub, wishlistHref());
    revalidatePath(wishlistHref());
    return { status: "removed" };
  }
  const change = await moveToCart(shopper.id, productId);
  if (!change.ok) return { status: "error", message: change.message };
  await recordProductChange("add_to_cart", productId, change.quantityDelta, shopper.cognitoSub, wishlistHref());
  await recordProductChange("wishlist_remove", productId, 1, shopper.cognitoSub, wishlistHref());
  await writeCartCount(change.itemCount);
  revalidatePath(wishlistHref());
  revalidatePath(cartHref());
  return { status: "moved", message: "Moved to your cart." };
}
