import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Breadcrumbs } from "@/components/layout/breadcrumbs.tsx";
import { PageHeading } from "@/components/listing/page-heading.tsx";
import { listBrands } from "@/lib/catalog/cached-queries.ts";
import { brandHref } from "@/lib/catalog/routes.ts";
import styles from "./brands.module.css";

export const metadata: Metadata = { title: "Brands", description: "Every brand we sell, A to Z.", alternates: { canonical: "/brands" } };

export default async function BrandsPage() {
  await connection();
  const brands = await listBrands();
  return (
    <>
      <Breadcrumbs items={[{ label: "Home", href: "/" }, { label: "Brands" }]} />
      <PageHeading title="Brands">{brands.length} brands, A to Z.</PageHeading>
      <ul className={styles.brands} role="list">
        {brands.map((brand) => (
          <li key={brand.slug}>
            <Link href={brandHref(brand.slug)} className={styles.brand}>
              <span className={styles.name}>{brand.name}</span>
              <span className={styles.count}>
                {brand.productCount} {brand.productCount === 1 ? "product" : "products"}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
