"use client";

import { useActionState, useEffect } from "react";
import { CART_CHANGED_EVENT } from "@/lib/cart/cart-cookie.ts";
import { wishlistAction, type WishlistState } from "@/lib/wishlist/actions.ts";
import styles from "./wishlist.module.css";

const IDLE: WishlistState = { status: "idle" };

/** "Move to cart" and "Remove" for one saved product. */
export function WishlistLineActions({ productId, productName, inStock }: { productId: number; productName: string; inStock: boolean }) {
  const [state, action, pending] = useActionState(wishlistAction, IDLE);
  useEffect(() => {
    if (state.status === "moved") window.dispatchEvent(new Event(CART_CHANGED_EVENT));
  }, [state]);
  return (
    <form action={action} className={styles.lineActions}>
      <input type="hidden" name="productId" value={productId} />
      <button type="submit" name="intent" value="move-to-cart" className="button" disabled={pending || !inStock} aria-label={`Move ${productName} to cart`}>
        Move to cart
      </button>
      <button type="submit" name="intent" value="remove" className="button button-secondary" disabled={pending} aria-label={`Remove ${productName} from wishlist`}>
        Remove
      </button>
      {state.status === "error" ? (
        <p role="alert" className={styles.message}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
