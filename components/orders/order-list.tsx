import Link from "next/link";
import { Price } from "@/components/product/price.tsx";
import { orderHref } from "@/lib/orders/routes.ts";
import type { OrderSummary } from "@/lib/orders/types.ts";
import { OrderDate } from "./order-date.tsx";
import styles from "./orders.module.css";

/** A shopper's orders, newest first, each linking to its detail. */
export function OrderList({ orders }: { orders: OrderSummary[] }) {
  return (
    <table className={styles.lines}>
      <caption className="visually-hidden">Your orders</caption>
      <thead>
        <tr>
          <th scope="col">Order</th>
          <th scope="col">Placed</th>
          <th scope="col" className={styles.number}>
            Items
          </th>
          <th scope="col" className={styles.number}>
            Total
          </th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((order) => (
          <tr key={order.id}>
            <th scope="row">
              <Link href={orderHref(order.id)}>#{order.number}</Link>
            </th>
            <td>
              <OrderDate iso={order.placedAt} />
            </td>
            <td className={styles.number}>{order.itemCount}</td>
            <td className={styles.number}>
              <Price amount={order.totalCents} currency={order.currency} />
            </td>
            <td>{order.status === "placed" ? "Placed" : order.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
