/**
 * Shipping methods and their prices, decided here on the server. The browser only names a method;
 * what it costs is never read from the request.
 */
export const SHIPPING_METHOD_IDS = ["standard", "express"] as const;
export type ShippingMethodId = (typeof SHIPPING_METHOD_IDS)[number];

export interface ShippingMethod {
  readonly id: ShippingMethodId;
  readonly label: string;
  readonly delivery: string;
  readonly priceCents: number;
  /** Orders whose subtotal reaches this ship free by this method; null: never free. */
  readonly freeFromCents: number | null;
}

export const SHIPPING_METHODS: Readonly<Record<ShippingMethodId, ShippingMethod>> = {
  standard: { id: "standard", label: "Standard", delivery: "3–5 business days", priceCents: 999, freeFromCents: 10_000 },
  express: { id: "express", label: "Express", delivery: "1–2 business days", priceCents: 2_499, freeFromCents: null },
};

export function shippingCents(method: ShippingMethodId, subtotalCents: number): number {
  const { priceCents, freeFromCents } = SHIPPING_METHODS[method];
  return freeFromCents !== null && subtotalCents >= freeFromCents ? 0 : priceCents;
}
