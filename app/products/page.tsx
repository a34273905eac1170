import type { Metadata } from "next";
import { connection } from "next/server";
import { Breadcrumbs } from "@/components/layout/breadcrumbs.tsx";
import { PageHeading } from "@/components/listing/page-heading.tsx";
import { ProductListing } from "@/components/listing/product-listing.tsx";
import { parseListingState, type SearchParams } from "@/lib/catalog/listing-state.ts";
import { listingFacets, listProducts } from "@/lib/catalog/cached-queries.ts";

export const metadata: Metadata = {
  title: "All products",
  description: "Every laptop, desktop, part, monitor, peripheral and piece of networking gear we sell.",
  alternates: { canonical: "/products" },
};

export default async function AllProductsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const state = parseListingState({ kind: "all" }, await searchParams);
  const [result, facets] = await Promise.all([listProducts(state), listingFacets(state)]);
  return (
    <>
      <Breadcrumbs items={[{ label: "Home", href: "/" }, { label: "All products" }]} />
      <PageHeading title="All products">Filter by category, brand, price and availability.</PageHeading>
      <ProductListing state={state} label="All products" result={result} facets={facets} />
    </>
  );
}
