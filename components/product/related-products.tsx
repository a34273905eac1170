import type { ProductSummary } from "@/lib/catalog/types.ts";
import { ProductGrid } from "./product-grid.tsx";
import styles from "./related-products.module.css";

/** Other products of the same category, under a product's details. */
export function RelatedProducts({ products, categoryName }: { products: ProductSummary[]; categoryName: string }) {
  if (products.length === 0) return null;
  const title = `More ${categoryName.toLowerCase()}`;
  return (
    <section className={styles.related} aria-labelledby="related-heading">
      <h2 id="related-heading" className={styles.title}>
        {title}
      </h2>
      <ProductGrid products={products} label={title} list={{ type: "related", id: products[0]?.category.slug ?? "related", firstPosition: 1 }} />
    </section>
  );
}
