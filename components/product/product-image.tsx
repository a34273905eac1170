import { CategoryIcon } from "./category-icon.tsx";
import styles from "./product-image.module.css";

interface ProductImageProps {
  /** Category slug: picks the drawing and the tile's colours. */
  category: string;
  /** Text alternative. Leave out where the image only decorates a named product (cards). */
  label?: string;
  size?: "card" | "hero" | "thumb";
}

/** The product picture: a category drawing on a tinted tile (the catalog has no photos). */
export function ProductImage({ category, label, size = "card" }: ProductImageProps) {
  return (
    <div
      className={`${styles.tile} ${styles[size]}`}
      data-category={category}
      role={label ? "img" : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      <CategoryIcon category={category} className={styles.icon} />
    </div>
  );
}
