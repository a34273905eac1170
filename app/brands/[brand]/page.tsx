import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Breadcrumbs } from "@/components/layout/breadcrumbs.tsx";
import { PageHeading } from "@/components/listing/page-heading.tsx";
import { ProductListing } from "@/components/listing/product-listing.tsx";
import { parseListingState, type SearchParams } from "@/lib/catalog/listing-state.ts";
import { getBrandBySlug, listingFacets, listProducts } from "@/lib/catalog/cached-queries.ts";
import { brandsHref } from "@/lib/catalog/routes.ts";

interface BrandPageProps {
  params: Promise<{ brand: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: BrandPageProps): Promise<Metadata> {
  await connection();
  const brand = await getBrandBySlug((await params).brand);
  if (!brand) return { title: "Brand not found" };
  return {
    title: brand.name,
    description: brand.description || `Every ${brand.name} product we sell.`,
    alternates: { canonical: `/brands/${brand.slug}` },
  };
}

export default async function BrandPage({ params, searchParams }: BrandPageProps) {
  await connection();
  const brand = await getBrandBySlug((await params).brand);
  if (!brand) notFound();

  const state = parseListingState({ kind: "brand", slug: brand.slug }, await searchParams);
  const [result, facets] = await Promise.all([listProducts(state), listingFacets(state)]);

  return (
    <>
      <Breadcrumbs items={[{ label: "Home", href: "/" }, { label: "Brands", href: brandsHref() }, { label: brand.name }]} />
      <PageHeading title={brand.name}>{brand.description || `Every ${brand.name} product we sell.`}</PageHeading>
      <ProductListing state={state} label={`${brand.name} products`} result={result} facets={facets} />
    </>
  );
}
