"use client";

import Link from "next/link";
import { useActionState, useEffect } from "react";
import { addToCartAction, type CartFormState } from "@/lib/cart/actions.ts";
import { CART_CHANGED_EVENT } from "@/lib/cart/cart-cookie.ts";
import { MAX_LINE_QUANTITY } from "@/lib/cart/quantity.ts";
import { cartHref } from "@/lib/cart/routes.ts";
import styles from "./cart-forms.module.css";

const IDLE: CartFormState = { status: "idle" };

/** Quantity and "Add to cart" on a product page; a plain form post without JavaScript. */
export function AddToCartForm({ productId, stock }: { productId: number; stock: number }) {
  const [state, action, pending] = useActionState(addToCartAction, IDLE);
  useEffect(() => {
    if (state.status === "done") window.dispatchEvent(new Event(CART_CHANGED_EVENT));
  }, [state]);
  if (stock <= 0) return <p className={styles.soldOut}>Out of stock: this product cannot be ordered right now.</p>;
  return (
    <form action={action} className={styles.add}>
      <input type="hidden" name="productId" value={productId} />
      <label className={styles.quantity}>
        <span>Quantity</span>
        <input type="number" name="quantity" defaultValue={1} min={1} max={Math.min(stock, MAX_LINE_QUANTITY)} step={1} inputMode="numeric" required />
      </label>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Adding…" : "Add to cart"}
      </button>
      <p role="status" className={state.status === "error" ? styles.error : styles.done}>
        {state.status === "idle" ? null : state.message}
        {state.status === "done" ? (
          <>
            {" "}
            <Link href={cartHref()}>View cart</Link>
          </>
        ) : null}
      </p>
    </form>
  );
}
