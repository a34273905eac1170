import type { ProductSummary } from "@/lib/catalog/types.ts";
import { ProductCard } from "./product-card.tsx";
import styles from "./product-grid.module.css";

export function ProductGrid({ products, label }: { products: ProductSummary[]; label: string }) {
  return (
    <ul className={styles.grid} aria-label={label} role="list">
      {products.map((product) => (
        <li key={product.id} className={styles.item}>
          <ProductCard product={product} />
        </li>
      ))}
    </ul>
  );
}
