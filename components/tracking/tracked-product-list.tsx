"use client";

import { useEffect, type MouseEvent, type ReactNode } from "react";
import { track, trackPageEvent } from "@/lib/tracking/browser";
import type { ListType, ProductRef } from "@/lib/tracking/schema";

export interface TrackedList {
  type: ListType;
  /** Which list of its type: a category or brand slug, a home shelf, the query. */
  id: string;
  /** Position of the first product (pages after the first start further on). */
  firstPosition: number;
}

/**
 * Reports a list of products as seen (product_list_view) and which of them the shopper opened
 * (product_click), with their positions. The list's markup stays server-rendered: this only
 * wraps it.
 */
export function TrackedProductList({ list, products, children }: { list: TrackedList; products: ProductRef[]; children: ReactNode }) {
  const signature = `${list.type}|${list.id}|${list.firstPosition}|${products.map((product) => product.product_id).join(",")}`;
  useEffect(() => {
    if (products.length === 0) return;
    trackPageEvent("product_list_view", {
      list_type: list.type,
      list_id: list.id,
      items: products.map((product, index) => ({ ...product, position: list.firstPosition + index })),
    });
    // The signature names everything the event says.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature]);

  const onClickCapture = (event: MouseEvent<HTMLDivElement>) => {
    if (!(event.target instanceof Element)) return;
    const link = event.target.closest("a[href]");
    const card = link?.closest("[data-product-id]");
    const index = products.findIndex((product) => product.product_id === card?.getAttribute("data-product-id"));
    const product = products[index];
    if (!product) return;
    track("product_click", { ...product, list_type: list.type, list_id: list.id, position: list.firstPosition + index });
  };

  return (
    <div onClickCapture={onClickCapture} style={{ display: "contents" }}>
      {children}
    </div>
  );
}
