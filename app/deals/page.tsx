import type { Metadata } from "next";
import { connection } from "next/server";
import { Breadcrumbs } from "@/components/layout/breadcrumbs.tsx";
import { PageHeading } from "@/components/listing/page-heading.tsx";
import { ProductListing } from "@/components/listing/product-listing.tsx";
import { parseListingState, type SearchParams } from "@/lib/catalog/listing-state.ts";
import { listingFacets, listProducts } from "@/lib/catalog/cached-queries.ts";
import { dealsHref } from "@/lib/catalog/routes.ts";

export const metadata: Metadata = {
  title: "Deals",
  description: "Every discounted laptop, part, monitor and accessory, biggest saving first.",
  alternates: { canonical: dealsHref() },
};

/** /deals: every discounted product, filtered, sorted and paged as any listing (biggest saving first). */
export default async function DealsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const state = parseListingState({ kind: "deals" }, await searchParams);
  const [result, facets] = await Promise.all([listProducts(state), listingFacets(state)]);
  return (
    <>
      <Breadcrumbs items={[{ label: "Home", href: "/" }, { label: "Deals" }]} />
      <PageHeading title="Deals">Products we have marked down, with the price they were and what you save.</PageHeading>
      <ProductListing state={state} label="Deals" result={result} facets={facets} />
    </>
  );
}
