import type { Route } from "next";

export function cartHref(): Route {
  return "/cart" as Route;
}
