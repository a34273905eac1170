import type { MetadataRoute } from "next";
import { headers } from "next/headers";
import { sitemapSource } from "@/lib/catalog/queries.ts";
import { requestOrigin, sitemapEntries } from "@/lib/catalog/sitemap.ts";

/** /sitemap.xml, read per request (the build has no database, and no domain of its own). */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = requestOrigin(await headers());
  return sitemapEntries(origin, await sitemapSource());
}
