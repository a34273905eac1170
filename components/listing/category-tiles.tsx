import Link from "next/link";
import type { CategoryWithCount } from "@/lib/catalog/types.ts";
import { categoryHref } from "@/lib/catalog/routes.ts";
import { CategoryThumb } from "./category-thumb.tsx";
import styles from "./category-tiles.module.css";

export function CategoryTiles({ categories }: { categories: CategoryWithCount[] }) {
  if (categories.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="categories-heading">
      <h2 id="categories-heading" className={styles.title}>
        Shop by category
      </h2>
      <ul className={styles.tiles} role="list">
        {categories.map((category) => (
          <li key={category.slug}>
            <Link href={categoryHref(category.slug)} className={styles.tile}>
              <CategoryThumb category={category.slug} />
              <span className={styles.text}>
                <span className={styles.name}>{category.name}</span>
                <span className={styles.count}>
                  {category.productCount} {category.productCount === 1 ? "product" : "products"}
                </span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
