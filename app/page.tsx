import type { Route } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { CategoryTiles } from "@/components/listing/category-tiles.tsx";
import { PageHeading } from "@/components/listing/page-heading.tsx";
import { ProductListing } from "@/components/listing/product-listing.tsx";
import { listingUrl, NO_FILTERS, parseListingState, type SearchParams } from "@/lib/catalog/listing-state.ts";
import { listCategories, listProducts } from "@/lib/catalog/cached-queries.ts";
import { allProductsHref, brandsHref } from "@/lib/catalog/routes.ts";

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

  const state = parseListingState({ kind: "all" }, {});
  const [categories, result] = await Promise.all([listCategories(), listProducts(state)]);

  return (
    <>
      <PageHeading title="Computers, parts & peripherals">
        Everything for your next build or upgrade: {result.totalCount} products across {categories.length} categories.{" "}
        <Link href={brandsHref()}>Shop by brand</Link>.
      </PageHeading>
      <CategoryTiles categories={categories} />
      <ProductListing state={state} label="Featured products" result={result} />
      <p>
        <Link href={allProductsHref()} className="button button-secondary">
          Browse and filter all {result.totalCount} products
        </Link>
      </p>
    </>
  );
}
