"use client";

import { useActionState, useEffect } from "react";
import { removeAction, setQuantityAction, type CartFormState } from "@/lib/cart/actions.ts";
import { CART_CHANGED_EVENT } from "@/lib/cart/cart-cookie.ts";
import { MAX_LINE_QUANTITY } from "@/lib/cart/quantity.ts";
import styles from "./cart-forms.module.css";

const IDLE: CartFormState = { status: "idle" };

/** A cart line's quantity (update) and remove buttons, each a form that works without JavaScript. */
export function CartLineForm({ productId, productName, quantity, stock }: { productId: number; productName: string; quantity: number; stock: number }) {
  const [updated, update, updating] = useActionState(setQuantityAction, IDLE);
  const [removed, remove, removing] = useActionState(removeAction, IDLE);
  useEffect(() => {
    if (updated.status === "done" || removed.status === "done") window.dispatchEvent(new Event(CART_CHANGED_EVENT));
  }, [updated, removed]);
  const problem = updated.status === "error" ? updated.message : removed.status === "error" ? removed.message : null;
  return (
    <div className={styles.line}>
      <form action={update} className={styles.update}>
        <input type="hidden" name="productId" value={productId} />
        <label className={styles.quantity}>
          <span>Quantity of {productName}</span>
          <input type="number" name="quantity" defaultValue={quantity} min={1} max={Math.max(1, Math.min(stock, MAX_LINE_QUANTITY))} step={1} inputMode="numeric" required />
        </label>
        <button type="submit" className="button button-secondary" disabled={updating}>
          Update
        </button>
      </form>
      <form action={remove}>
        <input type="hidden" name="productId" value={productId} />
        <button type="submit" className="button button-secondary" disabled={removing} aria-label={`Remove ${productName}`}>
          Remove
        </button>
      </form>
      <p role="status" className={styles.error}>
        {problem}
      </p>
    </div>
  );
}
