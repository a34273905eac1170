import { Price } from "@/components/product/price.tsx";
import { SHIPPING_COUNTRIES } from "@/lib/orders/checkout-form.ts";
import type { OrderDetail } from "@/lib/orders/types.ts";
import { OrderDate } from "./order-date.tsx";
import { OrderLines } from "./order-lines.tsx";
import styles from "./orders.module.css";

const countryName = (code: string): string => SHIPPING_COUNTRIES.find(([c]) => c === code)?.[1] ?? code;

/** One placed order: what, where to, how, and the totals charged. */
export function OrderDetailView({ order }: { order: OrderDetail }) {
  const { shipTo } = order;
  return (
    <div className={styles.detail}>
      <p>
        Placed <OrderDate iso={order.placedAt} /> · {order.itemCount} {order.itemCount === 1 ? "item" : "items"} · Status:{" "}
        {order.status === "placed" ? "Placed" : order.status}
      </p>
      <OrderLines
        label={`Items in order #${order.number}`}
        currency={order.currency}
        lines={order.lines.map((line) => ({ key: line.productId, slug: line.productSlug, ...line }))}
      />
      <dl className={styles.totals}>
        <div>
          <dt>Subtotal</dt>
          <dd>
            <Price amount={order.subtotalCents} currency={order.currency} />
          </dd>
        </div>
        <div>
          <dt>Shipping ({order.shippingMethod})</dt>
          <dd>{order.shippingCents === 0 ? "Free" : <Price amount={order.shippingCents} currency={order.currency} />}</dd>
        </div>
        <div className={styles.total}>
          <dt>Total</dt>
          <dd>
            <Price amount={order.totalCents} currency={order.currency} />
          </dd>
        </div>
      </dl>
      <section aria-labelledby="ship-to">
        <h2 id="ship-to" className={styles.subheading}>
          Shipping to
        </h2>
        <address className={styles.address}>
          {shipTo.name}
          <br />
          {shipTo.line1}
          {shipTo.line2 ? (
            <>
              <br />
              {shipTo.line2}
            </>
          ) : null}
          <br />
          {[shipTo.city, shipTo.region, shipTo.postalCode].filter(Boolean).join(", ")}
          <br />
          {countryName(shipTo.country)}
        </address>
      </section>
    </div>
  );
}
