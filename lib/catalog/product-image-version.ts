/**
 * The version of a product's generated picture (product-image-svg.ts): a short hash of everything
 * the picture shows, and of the drawing's own revision. It goes into the picture's URL, so the URL
 * changes exactly when the picture does, and the picture can be cached for good.
 * (No imports: links in Client Components compute it too.)
 */

/** The facts of a product its picture is drawn from. */
export interface ProductImageSubject {
  slug: string;
  name: string;
  brand: { slug: string; name: string };
  category: { slug: string; name: string };
}

/** Bump when the drawing changes, so every cached picture is fetched anew. */
export const PRODUCT_IMAGE_REVISION = 1;

/** 32-bit FNV-1a of a string's UTF-16 code units. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** e.g. "1-2k9x0c": the drawing's revision and a base-36 hash of what the picture shows. */
export function productImageVersion(product: ProductImageSubject): string {
  const facts = JSON.stringify([product.slug, product.name, product.brand.slug, product.brand.name, product.category.slug, product.category.name]);
  return `${PRODUCT_IMAGE_REVISION}-${fnv1a(facts).toString(36)}`;
}

/** What a version in a URL may look like; anything else is not one of ours. */
export const PRODUCT_IMAGE_VERSION_PATTERN = /^\d{1,4}-[0-9a-z]{1,7}$/;
