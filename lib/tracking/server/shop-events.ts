import "server-only";
import { productRefById } from "@/lib/catalog/product-ref.ts";
import type { EventProperties } from "../schema.ts";
import { emitAfterResponse } from "./emit-after-response.ts";
import { requestVisitor } from "./request-visitor.ts";
import { visitorServerEvent } from "./visitor-event.ts";

/*
 * Events the shop's server records for what its server actions did, so they count for shoppers
 * without JavaScript too and cannot be forged: cart and wishlist changes, signing in and out.
 * Each is read from the request now and recorded after the response (emit-after-response.ts);
 * a shopper who declined analytics is not recorded.
 */

type ProductChange = "add_to_cart" | "remove_from_cart" | "wishlist_add" | "wishlist_remove";

export async function recordProductChange(name: ProductChange, productId: number, quantity: number, userId: string | null, fallbackPath: string): Promise<void> {
  const visitor = await requestVisitor(fallbackPath);
  if (!visitor.trackingAllowed || quantity < 1) return;
  const at = new Date();
  emitAfterResponse(async () => {
    const product = await productRefById(productId);
    if (!product) return [];
    if (name === "add_to_cart" || name === "remove_from_cart") {
      return [visitorServerEvent(name, { ...product, quantity: Math.min(quantity, 99) }, visitor.browser, userId, at)];
    }
    return [visitorServerEvent(name, product, visitor.browser, userId, at)];
  });
}

/** The shopper gave where and how to ship: the checkout's shipping step, with the cart it ships. */
export async function recordShippingInfo(properties: EventProperties<"add_shipping_info">, userId: string, fallbackPath: string): Promise<void> {
  const visitor = await requestVisitor(fallbackPath);
  if (!visitor.trackingAllowed || properties.items.length === 0) return;
  const at = new Date();
  emitAfterResponse(async () => [visitorServerEvent("add_shipping_info", properties, visitor.browser, userId, at)]);
}

export async function recordAccountEvent(name: "sign_up" | "login" | "logout", userId: string, fallbackPath: string): Promise<void> {
  const visitor = await requestVisitor(fallbackPath);
  if (!visitor.trackingAllowed) return;
  const at = new Date();
  // Signing out is done by the time the event is recorded: it is the last the user did signed in.
  emitAfterResponse(async () => [visitorServerEvent(name, { method: "password" }, visitor.browser, userId, at)]);
}
