import Link from "next/link";
import { Price } from "@/components/product/price.tsx";
import { productHref } from "@/lib/catalog/routes.ts";
import styles from "./orders.module.css";

export interface ReviewLine {
  key: string | number;
  slug: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
  lineTotalCents: number;
}

/** The lines of a cart under review, or of a placed order. */
export function OrderLines({ lines, currency, label }: { lines: ReviewLine[]; currency: string; label: string }) {
  return (
    <table className={styles.lines}>
      <caption className="visually-hidden">{label}</caption>
      <thead>
        <tr>
          <th scope="col">Product</th>
          <th scope="col" className={styles.number}>
            Quantity
          </th>
          <th scope="col" className={styles.number}>
            Price
          </th>
          <th scope="col" className={styles.number}>
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.key}>
            <th scope="row">
              <Link href={productHref(line.slug)}>{line.name}</Link>
            </th>
            <td className={styles.number}>{line.quantity}</td>
            <td className={styles.number}>
              <Price amount={line.unitPriceCents} currency={currency} />
            </td>
            <td className={styles.number}>
              <Price amount={line.lineTotalCents} currency={currency} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
