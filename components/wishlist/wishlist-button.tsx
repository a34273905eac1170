"use client";

import Link from "next/link";
import { useActionState, useEffect, useState } from "react";
import { hasAmplifySession } from "@/lib/auth/amplify-cookies.ts";
import { wishlistAction, wishlistStatus, type WishlistState } from "@/lib/wishlist/actions.ts";
import { wishlistHref } from "@/lib/wishlist/routes.ts";
import styles from "./wishlist.module.css";

const IDLE: WishlistState = { status: "idle" };

/**
 * "Save to wishlist" on a product page. The page is served from the cache for everyone, so
 * whether this shopper saved it already is asked after load (signed-in browsers only).
 */
export function WishlistButton({ productId, returnTo }: { productId: number; returnTo: string }) {
  const [state, action, pending] = useActionState(wishlistAction, IDLE);
  const [savedBefore, setSavedBefore] = useState(false);
  useEffect(() => {
    if (!hasAmplifySession(document.cookie)) return;
    let live = true;
    wishlistStatus(productId).then(
      (saved) => live && setSavedBefore(saved),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [productId]);

  const saved = state.status === "saved" || (savedBefore && state.status !== "removed");
  return (
    <form action={action} className={styles.toggle}>
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="intent" value={saved ? "remove" : "add"} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button type="submit" className="button button-secondary" disabled={pending} aria-pressed={saved}>
        {saved ? "♥ Saved to wishlist" : "♡ Save to wishlist"}
      </button>
      <p role="status" className={styles.message}>
        {state.status === "error" ? state.message : null}
        {saved ? <Link href={wishlistHref()}>View wishlist</Link> : null}
      </p>
    </form>
  );
}
