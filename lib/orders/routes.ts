import type { Route } from "next";

export const checkoutHref = (): Route => "/checkout" as Route;
export const ordersHref = (): Route => "/account/orders" as Route;
export const orderHref = (orderId: string, options: { placed?: boolean } = {}): Route =>
  `/account/orders/${encodeURIComponent(orderId)}${options.placed ? "?placed=1" : ""}` as Route;
