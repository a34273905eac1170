import type { Metadata } from "next";
import { connection } from "next/server";
import { Breadcrumbs } from "@/components/layout/breadcrumbs.tsx";
import { CategoryTiles } from "@/components/listing/category-tiles.tsx";
import { PageHeading } from "@/components/listing/page-heading.tsx";
import { CloseMatches } from "@/components/search/close-matches.tsx";
import { SearchResults } from "@/components/search/search-results.tsx";
import { TrackOnView } from "@/components/tracking/track-on-view.tsx";
import { searchProperties } from "@/lib/search/search-event.ts";
import { SearchTips } from "@/components/search/search-tips.tsx";
import { parseSearchRequest, type SearchParams } from "@/lib/search/search-params.ts";
import { didYouMean, popularCategories, searchCatalog } from "@/lib/search/shop-search.ts";

interface SearchPageProps {
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ searchParams }: SearchPageProps): Promise<Metadata> {
  const { query } = parseSearchRequest(await searchParams);
  // Result pages are endless and thin: keep them out of search engines, but follow their links.
  return { title: query ? `Search: ${query}` : "Search", robots: { index: false, follow: true } };
}

const crumbs = [{ label: "Home", href: "/" as const }, { label: "Search" }];

export default async function SearchPage({ searchParams }: SearchPageProps) {
  await connection();
  const { query, page, sort } = parseSearchRequest(await searchParams);

  if (query === "") {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageHeading title="Search the shop">Type what you are looking for in the search box at the top of the page.</PageHeading>
        <SearchTips />
        <CategoryTiles categories={await popularCategories()} />
      </>
    );
  }

  const result = await searchCatalog(query, page, sort);
  if (result.totalCount === 0) {
    const [matches, categories] = await Promise.all([didYouMean(query), popularCategories()]);
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageHeading title={`No results for “${query}”`}>Check the spelling, or try other words.</PageHeading>
        <TrackOnView name="search" properties={searchProperties(query, sort, page, 0)} />
        <CloseMatches matches={matches} />
        <SearchTips />
        <CategoryTiles categories={categories} />
      </>
    );
  }

  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeading title={`Results for “${query}”`} />
      <TrackOnView name="search" properties={searchProperties(query, sort, result.page, result.totalCount)} />
      <SearchResults result={result} />
    </>
  );
}
