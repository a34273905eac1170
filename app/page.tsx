import type { Route } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { CategoryTiles } from "@/components/listing/category-tiles.tsx";
import { PageHeading } from "@/components/listing/page-heading.tsx";
import { ProductShelf } from "@/components/listing/product-shelf.tsx";
import { listingUrl, NO_FILTERS, parseListingState, type SearchParams } from "@/lib/catalog/listing-state.ts";
import { featuredProducts, listCategories, listProducts } from "@/lib/catalog/cached-queries.ts";
import { allProductsHref, brandsHref, dealsHref, listingHref } from "@/lib/catalog/routes.ts";
import styles from "./page.module.css";

/** How many products the deals and new-arrivals rows show (one row on a wide screen). */
const SHELF_SIZE = 4;

export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const query = await searchParams;

  // Listing URLs from before /products existed (`/?page=2`, `/?category=gpus&sort=price-asc`)
  // keep working: the listing they meant now has a page of its own.
  const category = Array.isArray(query.category) ? query.category[0] : query.category;
  if (category || query.sort !== undefined || query.page !== undefined) {
    const scope = category ? ({ kind: "category", slug: category } as const) : ({ kind: "all" } as const);
    const { sort, page } = parseListingState(scope, query);
    redirect(listingUrl({ scope, filters: NO_FILTERS, sort, page }) as Route);
  }

  // The deals and new-arrivals rows are the first page of /deals and /products?sort=newest: the
  // same cached reads as those pages.
  const deals = parseListingState({ kind: "deals" }, {});
  const newest = parseListingState({ kind: "all" }, { sort: "newest" });
  const [categories, featured, dealPage, newestPage] = await Promise.all([
    listCategories(),
    featuredProducts(),
    listProducts(deals),
    listProducts(newest),
  ]);
  const productCount = categories.reduce((sum, c) => sum + c.productCount, 0);

  return (
    <>
      <PageHeading title="Computers, parts & peripherals">
        Everything for your next build or upgrade: {productCount} products across {categories.length} categories.{" "}
        <Link href={brandsHref()}>Shop by brand</Link>.
      </PageHeading>
      <ProductShelf id="featured" title="Featured" lead="Picked by our team from every part of the shop." products={featured} />
      <ProductShelf
        id="deals"
        title="Deals"
        lead="The biggest savings right now."
        products={dealPage.products.slice(0, SHELF_SIZE)}
        more={{ href: dealsHref(), label: `See all ${dealPage.totalCount} deals` }}
      />
      <CategoryTiles categories={categories} />
      <ProductShelf
        id="new"
        title="New arrivals"
        lead="The latest additions to the catalog."
        products={newestPage.products.slice(0, SHELF_SIZE)}
        more={{ href: listingHref(newest), label: "See everything new" }}
      />
      <p className={styles.browse}>
        <Link href={allProductsHref()} className="button button-secondary">
          Browse and filter all {productCount} products
        </Link>
      </p>
    </>
  );
}
