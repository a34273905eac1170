import "server-only";
import { currentShopper } from "@/lib/auth/session.ts";
import { anonymousCartId } from "./cart-cookie-writer.ts";
import type { CartRef } from "./cart-store.ts";

/** A signed-in shopper's cart is theirs; anyone else's is the one in their cookie. */
export async function currentCartRef(): Promise<CartRef> {
  const shopper = await currentShopper();
  return shopper ? { userId: shopper.id } : anonymousCartId();
}
