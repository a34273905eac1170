import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/layout/breadcrumbs.tsx";
import { ProductDetails } from "@/components/product/product-details.tsx";
import { TrackOnView } from "@/components/tracking/track-on-view.tsx";
import { toProductRef } from "@/lib/catalog/mappers.ts";
import { RelatedProducts } from "@/components/product/related-products.tsx";
import { getProductBySlug, relatedProducts } from "@/lib/catalog/cached-queries.ts";
import { PRODUCT_IMAGE_HEIGHT, PRODUCT_IMAGE_WIDTH, productImageAlt } from "@/lib/catalog/product-image-svg.ts";
import { categoryHref, productHref, productImageHref } from "@/lib/catalog/routes.ts";
import { inlineJson, productJsonLd } from "@/lib/catalog/structured-data.ts";

interface ProductPageProps {
  params: Promise<{ slug: string }>;
}

/** The first sentence or so of a description, for search results and link previews. */
function summary(text: string, max = 160): string | undefined {
  const clean = text.replace(/\s+/g, " ").trim();
  if (!clean) return undefined;
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).replace(/\s\S*$/, "")}…`;
}

// Rendered on a product's first visit (the build has no database), then served from the cache for
// this many seconds, or until its tags (lib/catalog/cache-tags.ts) are revalidated.
export const revalidate = 300;
export async function generateStaticParams(): Promise<Array<{ slug: string }>> {
  return [];
}

export async function generateMetadata({ params }: ProductPageProps): Promise<Metadata> {
  const product = await getProductBySlug((await params).slug);
  if (!product) return { title: "Product not found" };
  const path = productHref(product.slug);
  return {
    title: product.name,
    description: summary(product.description),
    alternates: { canonical: path },
    openGraph: {
      title: product.name,
      description: summary(product.description),
      type: "website",
      url: path,
      siteName: "CompuShop",
      images: [
        {
          url: productImageHref(product),
          type: "image/svg+xml",
          width: PRODUCT_IMAGE_WIDTH,
          height: PRODUCT_IMAGE_HEIGHT,
          alt: productImageAlt(product),
        },
      ],
    },
  };
}

export default async function ProductPage({ params }: ProductPageProps) {
  const product = await getProductBySlug((await params).slug);
  if (!product) notFound();
  const related = await relatedProducts(product);

  return (
    <>
      <Breadcrumbs
        items={[
          { label: "Home", href: "/" },
          { label: product.category.name, href: categoryHref(product.category.slug) },
          { label: product.brand.name, href: categoryHref(product.category.slug, { brand: product.brand.slug }) },
          { label: product.name },
        ]}
      />
      <ProductDetails product={product} />
      <RelatedProducts products={related} categoryName={product.category.name} />
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: inlineJson(productJsonLd(product)) }} />
      <TrackOnView name="product_view" properties={toProductRef(product)} />
    </>
  );
}
