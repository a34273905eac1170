import Link from "next/link";
import type { CategoryRef } from "@/lib/catalog/types.ts";
import { allProductsHref, brandsHref, categoryHref } from "@/lib/catalog/routes.ts";
import { PrivacyChoice } from "@/components/tracking/privacy-choice.tsx";
import styles from "./site-footer.module.css";

export function SiteFooter({ categories, year }: { categories: CategoryRef[]; year: number }) {
  return (
    <footer className={styles.footer}>
      <div className={`container ${styles.inner}`}>
        <div className={styles.about}>
          <p className={styles.name}>CompuShop</p>
          <p className={styles.muted}>Laptops, desktops, components, monitors and peripherals.</p>
        </div>
        {categories.length > 0 ? (
          <nav aria-label="Footer" className={styles.nav}>
            <h2 className={styles.heading}>Shop</h2>
            <ul className={styles.links} role="list">
              {categories.map((category) => (
                <li key={category.slug}>
                  <Link href={categoryHref(category.slug)}>{category.name}</Link>
                </li>
              ))}
              <li>
                <Link href={allProductsHref()}>All products</Link>
              </li>
              <li>
                <Link href={brandsHref()}>Brands</Link>
              </li>
            </ul>
          </nav>
        ) : null}
        <div className={`${styles.muted} ${styles.copy}`}>
          <p>© {year} CompuShop. Prices in US dollars.</p>
          <PrivacyChoice />
        </div>
      </div>
    </footer>
  );
}
