"use client";

import { useEffect } from "react";
import { sharedTracker } from "@/lib/tracking/browser/shared-tracker";
import type { ProductRef } from "@/lib/tracking/schema";

/** Sends one product_view when a product page is shown. */
export function TrackProductView({ product }: { product: ProductRef }) {
  useEffect(() => {
    sharedTracker().track("product_view", product);
  }, [product]);
  return null;
}
