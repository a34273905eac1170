import { getProductBySlug } from "@/lib/catalog/cached-queries.ts";
import { productImageSvg } from "@/lib/catalog/product-image-svg.ts";
import { productImageVersion } from "@/lib/catalog/product-image-version.ts";

/**
 * GET /images/products/<slug>/<version>: the product's generated picture (SVG). The version in
 * the URL names what the picture shows (routes.ts `productImageHref`), so the current one is
 * cached for good; an outdated one (a page cached before a rename) still gets the current
 * picture, briefly cached. An unknown product is a 404.
 */

const HEADERS = {
  "Content-Type": "image/svg+xml; charset=utf-8",
  "X-Content-Type-Options": "nosniff",
  // Opened on its own, the picture may draw and style itself, and nothing else.
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
};
const IMMUTABLE = "public, max-age=31536000, immutable";
const OUTDATED = "public, max-age=300";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; version: string }> }): Promise<Response> {
  const { slug, version } = await params;
  const product = await getProductBySlug(slug);
  if (!product) {
    return new Response("No such product.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  const current = productImageVersion(product) === version;
  return new Response(productImageSvg(product), {
    status: 200,
    headers: { ...HEADERS, "Cache-Control": current ? IMMUTABLE : OUTDATED },
  });
}
