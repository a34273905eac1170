"use server";

import { redirect } from "next/navigation";
import { after } from "next/server";
import { requireShopper } from "@/lib/auth/session.ts";
import { writeCartCount } from "@/lib/cart/cart-cookie-writer.ts";
import { expireProducts } from "@/lib/catalog/revalidate.ts";
import { parseCheckoutForm, type CheckoutFieldErrors } from "./checkout-form.ts";
import { nudgeOutbox } from "@/lib/outbox/shop-relay.ts";
import { cartEventItems } from "@/lib/cart/cart-event.ts";
import { readCart } from "@/lib/cart/cart-store.ts";
import { recordShippingInfo } from "@/lib/tracking/server/shop-events.ts";
import { placeOrder } from "./place-order.ts";
import { requestVisitor } from "@/lib/tracking/server/request-visitor.ts";
import { checkoutHref, orderHref } from "./routes.ts";

export type CheckoutState = { status: "idle" } | { status: "error"; message: string; fieldErrors: CheckoutFieldErrors };

/**
 * Places the order from the checkout form. Who orders comes from the verified session, what and
 * at which price from the database; the form only says where to ship, how, and its own key.
 */
export async function placeOrderAction(_previous: CheckoutState, form: FormData): Promise<CheckoutState> {
  const shopper = await requireShopper(checkoutHref());
  const input = parseCheckoutForm(form);
  if (!input.ok) return { status: "error", message: "Please correct the highlighted fields.", fieldErrors: input.errors };
  const cart = await readCart({ userId: shopper.id });
  await recordShippingInfo({ ...cartEventItems(cart), shipping_method: input.value.shippingMethod }, shopper.cognitoSub, checkoutHref());
  // The order is a business record: it is reported whatever the shopper chose about analytics.
  const { browser } = await requestVisitor(checkoutHref());
  const result = await placeOrder(shopper.id, input.value, browser);
  if (!result.ok) return { status: "error", message: result.message, fieldErrors: {} };
  if (!result.repeated) {
    expireProducts(result.productSlugs);
    after(nudgeOutbox);
  }
  await writeCartCount(0);
  redirect(orderHref(result.orderId, { placed: true }));
}
