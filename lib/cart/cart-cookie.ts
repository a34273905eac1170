/**
 * The cart's cookies. `cart_id` is HTTP-only (scripts never see the id that opens the cart);
 * `cart_count` is a readable copy of how many items it holds, so the header's cart link can
 * show it on pages served from the cache without asking the server.
 */
export const CART_ID_COOKIE = "cart_id";
export const CART_COUNT_COOKIE = "cart_count";
export const CART_COOKIE_SECONDS = 60 * 60 * 24 * 30;

/** Fired on window when a cart action has changed the count. */
export const CART_CHANGED_EVENT = "cart:changed";

/** The count from a `document.cookie` string; 0 when absent or malformed. */
export function cartCountFromCookies(cookieHeader: string): number {
  const match = new RegExp(`(?:^|;\\s*)${CART_COUNT_COOKIE}=(\\d{1,4})(?:;|$)`).exec(cookieHeader);
  return match?.[1] ? Number(match[1]) : 0;
}
