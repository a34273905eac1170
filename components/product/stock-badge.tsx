import { stockStatus } from "@/lib/format/stock.ts";
import styles from "./stock-badge.module.css";

/** "In stock" / "Only 3 left" / "Out of stock": colour plus text, never colour alone. */
export function StockBadge({ stock }: { stock: number }) {
  const { level, label } = stockStatus(stock);
  return (
    <span className={`${styles.badge} ${styles[level]}`}>
      <span className={styles.dot} aria-hidden="true" />
      {label}
    </span>
  );
}
