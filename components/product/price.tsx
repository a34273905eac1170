import { discountOf, savingLabel } from "@/lib/format/discount.ts";
import { formatPrice } from "@/lib/format/price.ts";
import styles from "./price.module.css";

interface PriceProps {
  /** In the currency's minor unit. */
  amount: number;
  currency: string;
  /** The price before a discount: shown struck through beside the price, with the saving. */
  compareAt?: number | null;
  size?: "md" | "lg";
}

/**
 * A price; a discounted one also shows what it was, struck through, and the share saved. The
 * price itself comes first, in an element of its own, so it reads (and parses) as the price.
 */
export function Price({ amount, currency, compareAt, size = "md" }: PriceProps) {
  const discount = discountOf(amount, compareAt);
  if (!discount) return <span className={`${styles.price} ${styles[size]}`}>{formatPrice(amount, currency)}</span>;
  return (
    <span className={`${styles.discounted} ${styles[size]}`}>
      <span className="visually-hidden">Now </span>
      <span className={styles.price}>{formatPrice(amount, currency)}</span>{" "}
      <s className={styles.was}>
        <span className="visually-hidden">Was </span>
        {formatPrice(discount.compareAtCents, currency)}
      </s>{" "}
      <span className={styles.saving}>{savingLabel(discount, currency)}</span>
    </span>
  );
}
