"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { requireShopper } from "@/lib/auth/session.ts";
import { writeCartCount } from "@/lib/cart/cart-cookie-writer.ts";
import { expireProducts } from "@/lib/catalog/revalidate.ts";
import { parseCheckoutForm, type CheckoutFieldErrors } from "./checkout-form.ts";
import { nudgeOutbox } from "@/lib/outbox/shop-relay.ts";
import { placeOrder } from "./place-order.ts";
import type { BrowserContext } from "./purchase-event.ts";
import { ANONYMOUS_ID_COOKIE, SESSION_ID_COOKIE } from "@/lib/tracking/browser/identity-keys.ts";
import { checkoutHref, orderHref } from "./routes.ts";

/** The tracker's ids from its cookies (when it keeps them there) and the page the form was on. */
async function browserContext(): Promise<BrowserContext> {
  const jar = await cookies();
  const head = await headers();
  const host = head.get("x-forwarded-host") ?? head.get("host") ?? "localhost";
  const protocol = head.get("x-forwarded-proto") ?? (/^(localhost|127\.0\.0\.1)(:\d+)?$/.test(host) ? "http" : "https");
  return {
    anonymousId: jar.get(ANONYMOUS_ID_COOKIE)?.value ?? null,
    sessionId: jar.get(SESSION_ID_COOKIE)?.value?.split("|")[0] ?? null,
    pageUrl: `${protocol}://${host}${checkoutHref()}`,
  };
}

export type CheckoutState = { status: "idle" } | { status: "error"; message: string; fieldErrors: CheckoutFieldErrors };

/**
 * Places the order from the checkout form. Who orders comes from the verified session, what and
 * at which price from the database; the form only says where to ship, how, and its own key.
 */
export async function placeOrderAction(_previous: CheckoutState, form: FormData): Promise<CheckoutState> {
  const shopper = await requireShopper(checkoutHref());
  const input = parseCheckoutForm(form);
  if (!input.ok) return { status: "error", message: "Please correct the highlighted fields.", fieldErrors: input.errors };
  const result = await placeOrder(shopper.id, input.value, await browserContext());
  if (!result.ok) return { status: "error", message: result.message, fieldErrors: {} };
  if (!result.repeated) {
    expireProducts(result.productSlugs);
    after(nudgeOutbox);
  }
  await writeCartCount(0);
  redirect(orderHref(result.orderId, { placed: true }));
}
