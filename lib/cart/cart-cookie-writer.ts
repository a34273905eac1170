import "server-only";
import { cookies, headers } from "next/headers";
import { CART_COOKIE_SECONDS, CART_COUNT_COOKIE, CART_ID_COOKIE } from "./cart-cookie.ts";

/** Secure everywhere but a shop on this machine's own loopback (npm start, tests), served over http. */
async function secureCookies(): Promise<boolean> {
  const host = (await headers()).get("host") ?? "";
  return !/^(localhost|127\.0\.0\.1)(:\d+)?$/.test(host);
}

/** Points the cart cookies at a cart (server actions only: cookies cannot be set while rendering). */
export async function writeCartCookies(cartId: string, itemCount: number): Promise<void> {
  const jar = await cookies();
  const secure = await secureCookies();
  jar.set(CART_ID_COOKIE, cartId, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: CART_COOKIE_SECONDS });
  jar.set(CART_COUNT_COOKIE, String(itemCount), { httpOnly: false, sameSite: "lax", secure, path: "/", maxAge: CART_COOKIE_SECONDS });
}

/** Updates only the header's count (a signed-in shopper's cart is found by their account). */
export async function writeCartCount(itemCount: number): Promise<void> {
  const jar = await cookies();
  jar.set(CART_COUNT_COOKIE, String(itemCount), { httpOnly: false, sameSite: "lax", secure: await secureCookies(), path: "/", maxAge: CART_COOKIE_SECONDS });
}

export async function clearCartCookies(): Promise<void> {
  const jar = await cookies();
  jar.delete(CART_ID_COOKIE);
  jar.delete(CART_COUNT_COOKIE);
}

export async function anonymousCartId(): Promise<string | undefined> {
  return (await cookies()).get(CART_ID_COOKIE)?.value;
}
