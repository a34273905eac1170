import type { Route } from "next";

export const wishlistHref = (): Route => "/account/wishlist" as Route;
