import { toProductRef } from "@/lib/catalog/mappers.ts";
import type { LineItem } from "@/lib/tracking/schema";
import type { CartView } from "./types.ts";

/** A cart's lines and total as events carry them (cart_view, begin_checkout, add_shipping_info). */
export function cartEventItems(cart: CartView): { items: LineItem[]; value_cents: number; currency: string } {
  const items = cart.lines.slice(0, 100).map((line) => ({ ...toProductRef(line.product), quantity: Math.min(line.quantity, 99) }));
  return { items, value_cents: items.reduce((sum, item) => sum + item.price_cents * item.quantity, 0), currency: cart.currency };
}
