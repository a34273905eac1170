import { formatPrice } from "@/lib/format/price.ts";
import styles from "./price.module.css";

export function Price({ amount, currency, size = "md" }: { amount: number; currency: string; size?: "md" | "lg" }) {
  return <span className={`${styles.price} ${styles[size]}`}>{formatPrice(amount, currency)}</span>;
}
