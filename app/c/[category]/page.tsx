import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Breadcrumbs } from "@/components/layout/breadcrumbs.tsx";
import { PageHeading } from "@/components/listing/page-heading.tsx";
import { ProductListing } from "@/components/listing/product-listing.tsx";
import { parseListingParams } from "@/lib/catalog/listing-params.ts";
import type { SearchParams } from "@/lib/catalog/listing-params.ts";
import { getCategoryBySlug, listProducts } from "@/lib/catalog/queries.ts";

interface CategoryPageProps {
  params: Promise<{ category: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: CategoryPageProps): Promise<Metadata> {
  await connection();
  const category = await getCategoryBySlug((await params).category);
  if (!category) return { title: "Category not found" };
  return { title: category.name, description: category.description || undefined };
}

export default async function CategoryPage({ params, searchParams }: CategoryPageProps) {
  await connection();
  const category = await getCategoryBySlug((await params).category);
  if (!category) notFound();

  const { sort, page } = parseListingParams(await searchParams);
  const result = await listProducts({ category: category.slug, sort, page });

  return (
    <>
      <Breadcrumbs items={[{ label: "Home", href: "/" }, { label: category.name }]} />
      <PageHeading title={category.name}>{category.description || null}</PageHeading>
      <ProductListing category={category.slug} label={category.name} result={result} />
    </>
  );
}
