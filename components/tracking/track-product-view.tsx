"use client";

import { useEffect } from "react";
import { trackPageEvent } from "@/lib/tracking/browser/shared-tracker";
import type { ProductRef } from "@/lib/tracking/schema";

/** Sends one product_view when a product page is shown. */
export function TrackProductView({ product }: { product: ProductRef }) {
  useEffect(() => {
    trackPageEvent("product_view", product);
  }, [product]);
  return null;
}
