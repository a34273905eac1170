"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { allProductsHref, categoryHref, dealsHref } from "@/lib/catalog/routes.ts";
import type { CategoryRef } from "@/lib/catalog/types.ts";
import styles from "./category-nav.module.css";

/** The category bar under the header (every product, the deals, each category); marks the one being browsed. */
export function CategoryNav({ categories }: { categories: CategoryRef[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Categories" className={styles.nav}>
      <ul className={styles.list} role="list">
        <li>
          <Link href={allProductsHref()} className={styles.link} aria-current={pathname === allProductsHref() ? "page" : undefined}>
            All products
          </Link>
        </li>
        <li>
          <Link href={dealsHref()} className={`${styles.link} ${styles.deals}`} aria-current={pathname === dealsHref() ? "page" : undefined}>
            Deals
          </Link>
        </li>
        {categories.map((category) => {
          const href = categoryHref(category.slug);
          return (
            <li key={category.slug}>
              <Link href={href} className={styles.link} aria-current={pathname === href ? "page" : undefined}>
                {category.name}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
