"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { CART_CHANGED_EVENT, cartCountFromCookies } from "@/lib/cart/cart-cookie.ts";
import { cartHref } from "@/lib/cart/routes.ts";
import styles from "./cart-forms.module.css";

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CART_CHANGED_EVENT, onChange);
  window.addEventListener("focus", onChange);
  return () => {
    window.removeEventListener(CART_CHANGED_EVENT, onChange);
    window.removeEventListener("focus", onChange);
  };
}

/** The header's cart link with its item count, read from a cookie so cached pages can show it. */
export function CartLink() {
  const count = useSyncExternalStore(subscribe, () => cartCountFromCookies(document.cookie), () => 0);
  return (
    <Link href={cartHref()} className={styles.cartLink} aria-label={count > 0 ? `Cart, ${count} ${count === 1 ? "item" : "items"}` : "Cart"}>
      Cart
      {count > 0 ? (
        <span className={styles.count} aria-hidden="true">
          {count}
        </span>
      ) : null}
    </Link>
  );
}
