import { TrackedProductList, type TrackedList } from "@/components/tracking/tracked-product-list.tsx";
import { toProductRef } from "@/lib/catalog/mappers.ts";
import type { ProductSummary } from "@/lib/catalog/types.ts";
import { ProductCard } from "./product-card.tsx";
import styles from "./product-grid.module.css";

/** A grid of product cards; seen and clicked products are reported as members of `list`. */
export function ProductGrid({ products, label, list }: { products: ProductSummary[]; label: string; list: TrackedList }) {
  return (
    <TrackedProductList list={list} products={products.map(toProductRef)}>
      <ul className={styles.grid} aria-label={label} role="list">
        {products.map((product) => (
          <li key={product.id} className={styles.item} data-product-id={String(product.id)}>
            <ProductCard product={product} />
          </li>
        ))}
      </ul>
    </TrackedProductList>
  );
}
