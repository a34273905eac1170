import { CategoryIcon } from "@/components/product/category-icon.tsx";
import styles from "./category-thumb.module.css";

/** A category's drawing on a small tile tinted in the category's colours (decorative). */
export function CategoryThumb({ category }: { category: string }) {
  return (
    <span className={styles.tile} data-category={category} aria-hidden="true">
      <CategoryIcon category={category} className={styles.icon} />
    </span>
  );
}
