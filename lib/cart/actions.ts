"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { z } from "zod";
import { addToCart, removeFromCart, setCartQuantity } from "./cart-store.ts";
import { CART_COOKIE_SECONDS, CART_COUNT_COOKIE, CART_ID_COOKIE } from "./cart-cookie.ts";
import { productIdSchema, quantitySchema } from "./quantity.ts";
import { cartHref } from "./routes.ts";
import type { CartChange } from "./types.ts";

/** What a cart form shows after a submit: nothing yet, a confirmation, or why not. */
export type CartFormState = { status: "idle" } | { status: "done"; message: string; itemCount: number } | { status: "error"; message: string };

const addSchema = z.object({ productId: productIdSchema, quantity: quantitySchema });
const lineSchema = z.object({ productId: productIdSchema });

function firstIssue(error: z.ZodError): CartFormState {
  return { status: "error", message: error.issues[0]?.message ?? "That did not work; try again." };
}

async function remember(change: CartChange, done: string): Promise<CartFormState> {
  if (!change.ok) return { status: "error", message: change.message };
  const jar = await cookies();
  // Secure everywhere but a shop on this machine's own loopback (npm start, tests), served over http.
  const host = (await headers()).get("host") ?? "";
  const secure = !/^(localhost|127\.0\.0\.1)(:\d+)?$/.test(host);
  jar.set(CART_ID_COOKIE, change.cartId, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: CART_COOKIE_SECONDS });
  jar.set(CART_COUNT_COOKIE, String(change.itemCount), { httpOnly: false, sameSite: "lax", secure, path: "/", maxAge: CART_COOKIE_SECONDS });
  revalidatePath(cartHref());
  return { status: "done", message: done, itemCount: change.itemCount };
}

export async function addToCartAction(_previous: CartFormState, form: FormData): Promise<CartFormState> {
  const input = addSchema.safeParse({ productId: form.get("productId"), quantity: form.get("quantity") });
  if (!input.success) return firstIssue(input.error);
  const cartId = (await cookies()).get(CART_ID_COOKIE)?.value;
  const { quantity } = input.data;
  return remember(await addToCart(cartId, input.data.productId, quantity), `Added ${quantity} to your cart.`);
}

export async function setQuantityAction(_previous: CartFormState, form: FormData): Promise<CartFormState> {
  const input = addSchema.safeParse({ productId: form.get("productId"), quantity: form.get("quantity") });
  if (!input.success) return firstIssue(input.error);
  const cartId = (await cookies()).get(CART_ID_COOKIE)?.value;
  return remember(await setCartQuantity(cartId, input.data.productId, input.data.quantity), "Quantity updated.");
}

export async function removeAction(_previous: CartFormState, form: FormData): Promise<CartFormState> {
  const input = lineSchema.safeParse({ productId: form.get("productId") });
  if (!input.success) return firstIssue(input.error);
  const cartId = (await cookies()).get(CART_ID_COOKIE)?.value;
  return remember(await removeFromCart(cartId, input.data.productId), "Removed from your cart.");
}
