"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { mergeIntoUserCart } from "@/lib/cart/cart-store.ts";
import { anonymousCartId, clearCartCookies, writeCartCount } from "@/lib/cart/cart-cookie-writer.ts";
import { cartHref } from "@/lib/cart/routes.ts";
import { amplifyCookieNames } from "./amplify-cookies.ts";
import { recordAccountEvent } from "@/lib/tracking/server/shop-events.ts";
import { authConfig, currentIdentity, currentShopper } from "./session.ts";
import { ensureShopper, shopperExists } from "./users.ts";

export type SignInSync = { ok: true; itemCount: number } | { ok: false; message: string };

/**
 * Called by the browser once Amplify has signed in and written its cookies. Everything is taken
 * from the verified token, not from the call: the shopper's row is made or refreshed, and the
 * cart they filled while anonymous is merged into their own.
 */
export async function completeSignIn(): Promise<SignInSync> {
  const identity = await currentIdentity();
  if (!identity) return { ok: false, message: "Your sign-in could not be verified. Please sign in again." };
  const known = await shopperExists(identity);
  const shopper = await ensureShopper(identity);
  // The shop first meets an account when it signs in after signing up.
  await recordAccountEvent(known ? "login" : "sign_up", shopper.cognitoSub, "/sign-in");
  const merged = await mergeIntoUserCart(await anonymousCartId(), shopper.id);
  // The anonymous cart is gone; the account's cart is found by the account from now on.
  await clearCartCookies();
  await writeCartCount(merged.itemCount);
  revalidatePath(cartHref());
  return { ok: true, itemCount: merged.itemCount };
}

/**
 * Signs out on this browser: drops Amplify's token cookies and the cart cookies, so the next
 * visitor on this browser starts anonymous with an empty cart (the account keeps its cart).
 * A plain form post: works without JavaScript and without loading Amplify.
 */
export async function signOutAction(): Promise<void> {
  const config = authConfig();
  const shopper = await currentShopper();
  if (shopper) await recordAccountEvent("logout", shopper.cognitoSub, "/");
  const jar = await cookies();
  if (config) {
    for (const name of amplifyCookieNames(jar.getAll().map((cookie) => cookie.name), config.clientId)) jar.delete(name);
  }
  await clearCartCookies();
  revalidatePath("/", "layout");
  redirect("/");
}
