import type { Route } from "next";
import Link from "next/link";
import { ProductGrid } from "@/components/product/product-grid.tsx";
import type { ProductSummary } from "@/lib/catalog/types.ts";
import styles from "./product-shelf.module.css";

interface ProductShelfProps {
  /** Unique on the page: names the section's heading. */
  id: string;
  title: string;
  /** One line under the title. */
  lead?: string;
  products: ProductSummary[];
  /** Where the whole list is, and the link's text: "See all 31 deals". */
  more?: { href: Route; label: string };
}

/** A titled row of products on the home page, with a link to the whole list. Nothing when empty. */
export function ProductShelf({ id, title, lead, products, more }: ProductShelfProps) {
  if (products.length === 0) return null;
  const headingId = `${id}-heading`;
  return (
    <section className={styles.shelf} aria-labelledby={headingId}>
      <div className={styles.header}>
        <div className={styles.titles}>
          <h2 id={headingId} className={styles.title}>
            {title}
          </h2>
          {lead ? <p className={styles.lead}>{lead}</p> : null}
        </div>
        {more ? (
          <Link href={more.href} className={styles.more}>
            {more.label} <span aria-hidden="true">→</span>
          </Link>
        ) : null}
      </div>
      <ProductGrid products={products} label={title} list={{ type: "home", id, firstPosition: 1 }} />
    </section>
  );
}
