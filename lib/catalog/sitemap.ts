import type { MetadataRoute } from "next";
import { allProductsHref, brandHref, brandsHref, categoryHref, dealsHref, productHref } from "./routes.ts";

export interface SitemapSource {
  categories: ReadonlyArray<{ slug: string }>;
  brands: ReadonlyArray<{ slug: string }>;
  products: ReadonlyArray<{ slug: string; updatedAt: Date }>;
}

/** Every page worth crawling, as absolute URLs on `origin` ("https://shop.example"). */
export function sitemapEntries(origin: string, source: SitemapSource): MetadataRoute.Sitemap {
  const at = (path: string) => new URL(path, origin).toString();
  return [
    { url: at("/"), changeFrequency: "daily", priority: 1 },
    { url: at(allProductsHref()), changeFrequency: "daily", priority: 0.8 },
    { url: at(dealsHref()), changeFrequency: "daily", priority: 0.8 },
    { url: at(brandsHref()), changeFrequency: "weekly", priority: 0.5 },
    ...source.categories.map((category) => ({ url: at(categoryHref(category.slug)), changeFrequency: "daily" as const, priority: 0.8 })),
    ...source.brands.map((brand) => ({ url: at(brandHref(brand.slug)), changeFrequency: "weekly" as const, priority: 0.5 })),
    ...source.products.map((product) => ({ url: at(productHref(product.slug)), lastModified: product.updatedAt, changeFrequency: "daily" as const, priority: 0.7 })),
  ];
}

/**
 * The shop's origin as the request reached it (behind CloudFront or a proxy, its forwarded host
 * and protocol): one build serves every domain, so the sitemap cannot know it in advance.
 */
export function requestOrigin(headers: { get(name: string): string | null }): string {
  const first = (value: string | null) => value?.split(",")[0]?.trim() || null;
  const host = first(headers.get("x-forwarded-host")) ?? first(headers.get("host")) ?? "localhost";
  const proto = first(headers.get("x-forwarded-proto")) === "http" || /^(localhost|127\.0\.0\.1)(:|$)/.test(host) ? "http" : "https";
  return `${proto}://${host}`;
}
