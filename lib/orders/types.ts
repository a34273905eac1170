/** Orders as the shopper sees them; plain and serialisable. */
export interface OrderLineView {
  productId: number;
  productSlug: string;
  sku: string;
  name: string;
  unitPriceCents: number;
  quantity: number;
  lineTotalCents: number;
}

export interface OrderSummary {
  id: string;
  number: string;
  status: string;
  /** ISO 8601. */
  placedAt: string;
  itemCount: number;
  totalCents: number;
  currency: string;
}

export interface OrderDetail extends OrderSummary {
  lines: OrderLineView[];
  subtotalCents: number;
  shippingCents: number;
  shippingMethod: string;
  shipTo: { name: string; line1: string; line2: string; city: string; region: string; postalCode: string; country: string };
}
