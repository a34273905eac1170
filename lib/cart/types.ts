import type { ProductSummary } from "@/lib/catalog/types.ts";

/** One line of a cart, priced from the catalog now, never from what the browser sent. */
export interface CartLine {
  product: ProductSummary;
  quantity: number;
  lineTotalCents: number;
  /** Stock fell below the quantity since it was added: checkout will refuse it until lowered. */
  exceedsStock: boolean;
}

export interface CartView {
  lines: CartLine[];
  /** Units in the cart (2 of one product and 1 of another: 3). */
  itemCount: number;
  subtotalCents: number;
  currency: string;
}

export type CartChange =
  /** `quantityDelta`: units of the product this change added (positive) or took out (negative). */
  | { ok: true; cartId: string; itemCount: number; quantityDelta: number }
  | { ok: false; message: string };

export const EMPTY_CART: CartView = { lines: [], itemCount: 0, subtotalCents: 0, currency: "USD" };
