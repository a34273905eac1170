import Link from "next/link";
import type { CartView } from "@/lib/cart/types.ts";
import { productHref } from "@/lib/catalog/routes.ts";
import { Price } from "@/components/product/price.tsx";
import { checkoutHref } from "@/lib/orders/routes.ts";
import { CartLineForm } from "./cart-line-form.tsx";
import styles from "./cart-lines.module.css";

/** The cart's lines with their quantities and totals, priced from the catalog. */
export function CartLines({ cart }: { cart: CartView }) {
  return (
    <section aria-label="Cart contents" className={styles.cart}>
      <ul className={styles.lines} role="list">
        {cart.lines.map((line) => (
          <li key={line.product.id} className={styles.line}>
            <div className={styles.product}>
              <Link href={productHref(line.product.slug)} className={styles.name}>
                {line.product.name}
              </Link>
              <span className={styles.unit}>
                <Price amount={line.product.priceCents} currency={line.product.currency} /> each
              </span>
              {line.exceedsStock ? (
                <p className={styles.warning}>
                  {line.product.stock > 0 ? `Only ${line.product.stock} left: lower the quantity to order it.` : "Sold out since you added it."}
                </p>
              ) : null}
            </div>
            <CartLineForm productId={line.product.id} productName={line.product.name} quantity={line.quantity} stock={line.product.stock} />
            <span className={styles.total}>
              <Price amount={line.lineTotalCents} currency={line.product.currency} />
            </span>
          </li>
        ))}
      </ul>
      <p className={styles.subtotal}>
        Subtotal <Price amount={cart.subtotalCents} currency={cart.currency} size="lg" />
      </p>
      <p className={styles.note}>Shipping is added at checkout (standard shipping is free from $100).</p>
      <p>
        <Link href={checkoutHref()} className="button">
          Check out
        </Link>
      </p>
    </section>
  );
}
