import { connection } from "next/server";
import { redirect } from "next/navigation";
import { CategoryTiles } from "@/components/listing/category-tiles.tsx";
import { PageHeading } from "@/components/listing/page-heading.tsx";
import { ProductListing } from "@/components/listing/product-listing.tsx";
import { parseListingParams } from "@/lib/catalog/listing-params.ts";
import type { SearchParams } from "@/lib/catalog/listing-params.ts";
import { listCategories, listProducts } from "@/lib/catalog/queries.ts";
import { listingHref } from "@/lib/catalog/routes.ts";

export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const query = await searchParams;
  const { sort, page } = parseListingParams(query);

  // `/?category=gpus` is an alias of the category page `/c/gpus`.
  const category = Array.isArray(query.category) ? query.category[0] : query.category;
  if (category) redirect(listingHref({ category, sort, page }));

  const [categories, result] = await Promise.all([listCategories(), listProducts({ sort, page })]);

  return (
    <>
      <PageHeading title="Computers, parts & peripherals">
        Everything for your next build or upgrade: {result.totalCount} products across {categories.length} categories.
      </PageHeading>
      {result.page === 1 ? <CategoryTiles categories={categories} /> : null}
      <ProductListing category={null} label="All products" result={result} />
    </>
  );
}
