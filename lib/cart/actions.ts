"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addToCart, removeFromCart, setCartQuantity, type CartRef } from "./cart-store.ts";
import { writeCartCookies, writeCartCount } from "./cart-cookie-writer.ts";
import { currentCartRef } from "./current-cart.ts";
import { productIdSchema, quantitySchema } from "./quantity.ts";
import { cartHref } from "./routes.ts";
import type { CartChange } from "./types.ts";
import { currentShopper } from "@/lib/auth/session.ts";
import { recordProductChange } from "@/lib/tracking/server/shop-events.ts";

/** What a cart form shows after a submit: nothing yet, a confirmation, or why not. */
export type CartFormState = { status: "idle" } | { status: "done"; message: string; itemCount: number } | { status: "error"; message: string };

const addSchema = z.object({ productId: productIdSchema, quantity: quantitySchema });
const lineSchema = z.object({ productId: productIdSchema });

function firstIssue(error: z.ZodError): CartFormState {
  return { status: "error", message: error.issues[0]?.message ?? "That did not work; try again." };
}

async function remember(ref: CartRef, change: CartChange, done: string, productId: number): Promise<CartFormState> {
  if (!change.ok) return { status: "error", message: change.message };
  if (change.quantityDelta !== 0) {
    const name = change.quantityDelta > 0 ? "add_to_cart" : "remove_from_cart";
    const shopper = await currentShopper();
    await recordProductChange(name, productId, Math.abs(change.quantityDelta), shopper?.cognitoSub ?? null, cartHref());
  }
  if (typeof ref === "object" && ref !== null) await writeCartCount(change.itemCount);
  else await writeCartCookies(change.cartId, change.itemCount);
  revalidatePath(cartHref());
  return { status: "done", message: done, itemCount: change.itemCount };
}

export async function addToCartAction(_previous: CartFormState, form: FormData): Promise<CartFormState> {
  const input = addSchema.safeParse({ productId: form.get("productId"), quantity: form.get("quantity") });
  if (!input.success) return firstIssue(input.error);
  const ref = await currentCartRef();
  const { quantity } = input.data;
  return remember(ref, await addToCart(ref, input.data.productId, quantity), `Added ${quantity} to your cart.`, input.data.productId);
}

export async function setQuantityAction(_previous: CartFormState, form: FormData): Promise<CartFormState> {
  const input = addSchema.safeParse({ productId: form.get("productId"), quantity: form.get("quantity") });
  if (!input.success) return firstIssue(input.error);
  const ref = await currentCartRef();
  return remember(ref, await setCartQuantity(ref, input.data.productId, input.data.quantity), "Quantity updated.", input.data.productId);
}

export async function removeAction(_previous: CartFormState, form: FormData): Promise<CartFormState> {
  const input = lineSchema.safeParse({ productId: form.get("productId") });
  if (!input.success) return firstIssue(input.error);
  const ref = await currentCartRef();
  return remember(ref, await removeFromCart(ref, input.data.productId), "Removed from your cart.", input.data.productId);
}
