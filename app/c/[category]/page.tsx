import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Breadcrumbs } from "@/components/layout/breadcrumbs.tsx";
import { PageHeading } from "@/components/listing/page-heading.tsx";
import { ProductListing } from "@/components/listing/product-listing.tsx";
import { parseListingState, type SearchParams } from "@/lib/catalog/listing-state.ts";
import { getCategoryBySlug, listingFacets, listProducts } from "@/lib/catalog/cached-queries.ts";
import { allProductsHref } from "@/lib/catalog/routes.ts";

interface CategoryPageProps {
  params: Promise<{ category: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: CategoryPageProps): Promise<Metadata> {
  await connection();
  const category = await getCategoryBySlug((await params).category);
  if (!category) return { title: "Category not found" };
  return { title: category.name, description: category.description || undefined, alternates: { canonical: `/c/${category.slug}` } };
}

export default async function CategoryPage({ params, searchParams }: CategoryPageProps) {
  await connection();
  const category = await getCategoryBySlug((await params).category);
  if (!category) notFound();

  const state = parseListingState({ kind: "category", slug: category.slug }, await searchParams);
  const [result, facets] = await Promise.all([listProducts(state), listingFacets(state)]);

  return (
    <>
      <Breadcrumbs items={[{ label: "Home", href: "/" }, { label: "All products", href: allProductsHref() }, { label: category.name }]} />
      <PageHeading title={category.name}>{category.description || null}</PageHeading>
      <ProductListing state={state} label={category.name} result={result} facets={facets} />
    </>
  );
}
