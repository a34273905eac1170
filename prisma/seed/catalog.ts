import { z } from "zod";
import { CATEGORIES, CATEGORY_SLUGS, type CategorySlug } from "./categories.ts";
import { cpus } from "./products/cpus.ts";
import { desktops } from "./products/desktops.ts";
import { gpus } from "./products/gpus.ts";
import { laptops } from "./products/laptops.ts";
import { memory } from "./products/memory.ts";
import { monitors } from "./products/monitors.ts";
import { networking } from "./products/networking.ts";
import { peripherals } from "./products/peripherals.ts";
import { storage } from "./products/storage.ts";
import { compareAtPriceFor, FEATURED_SLUGS, listedAtFor, unitsSoldFor } from "./merchandising.ts";
import { fnv1a, mulberry32 } from "./random.ts";
import { SPECS_SCHEMAS, type SpecsFor } from "./specs.ts";
import type { ProductEntry } from "./types.ts";

/*
 * Assembles the seed catalog from the per-category files and validates it as a whole. Everything
 * derived here (slug, SKU, default stock, and the merchandising of merchandising.ts: discount,
 * featured, units sold, listing date) is a pure function of the product's own data, so adding,
 * removing or reordering products never changes another product's values.
 */

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** e.g. `LT-LEN-0K3D9QZ`: category code, brand code, 7 base-36 characters of a hash of the slug. */
export const SKU_PATTERN = /^[A-Z]{2,3}-[A-Z0-9]{2,3}-[0-9A-Z]{7}$/;

const CATEGORY_CODES: Record<CategorySlug, string> = {
  laptops: "LT",
  desktops: "DT",
  cpus: "CPU",
  gpus: "GPU",
  memory: "MEM",
  storage: "STO",
  monitors: "MON",
  peripherals: "PER",
  networking: "NET",
};

const ENTRIES: { readonly [C in CategorySlug]: readonly ProductEntry<SpecsFor<C>>[] } = {
  laptops,
  desktops,
  cpus,
  gpus,
  memory,
  storage,
  monitors,
  peripherals,
  networking,
};

/** Lower-case kebab-case ASCII: "Dell XPS 14 9440" → "dell-xps-14-9440". */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function brandCode(brand: string): string {
  return slugify(brand).replace(/-/g, "").slice(0, 3).toUpperCase();
}

export function skuFor(category: CategorySlug, brand: string, slug: string): string {
  const hash = fnv1a(slug).toString(36).toUpperCase().padStart(7, "0");
  return `${CATEGORY_CODES[category]}-${brandCode(brand)}-${hash}`;
}

/** Opening stock for a product the data file gives none: about 4% sold out, the rest 3–120. */
export function defaultStock(slug: string): number {
  const random = mulberry32(fnv1a(`stock:${slug}`));
  if (random() < 0.04) return 0;
  return 3 + Math.floor(random() * 118);
}

/** Sentences in a description: terminators followed by whitespace or the end ("5.0" is not one). */
export function sentenceCount(text: string): number {
  return text.match(/[.!?](?=\s|$)/g)?.length ?? 0;
}

const description = z
  .string()
  .trim()
  .min(30)
  .max(400)
  .refine((text) => /[.!?]$/.test(text), "a description ends with a full stop")
  .refine((text) => sentenceCount(text) <= 2, "a description is one or two sentences");

const productFields = {
  slug: z.string().max(120).regex(SLUG_PATTERN, "slugs are lower-case kebab-case"),
  sku: z.string().regex(SKU_PATTERN),
  name: z.string().trim().min(3).max(200),
  brand: z.string().trim().min(2).max(60),
  priceCents: z.int().positive().max(100_000_00),
  currency: z.literal("USD"),
  stock: z.int().min(0).max(10_000),
  description,
  /** The price before a discount (above `priceCents`), or null when not discounted. */
  compareAtPriceCents: z.int().positive().max(100_000_00).nullable(),
  featured: z.boolean(),
  /** Units sold before the shop counted them (orders add to it): for the best-selling order. */
  unitsSold: z.int().min(0).max(1_000_000),
  /** When the product was listed (`created_at`): for "newest". */
  createdAt: z.date(),
};

function productSchemaFor<C extends CategorySlug>(category: C) {
  return z.strictObject({ ...productFields, categorySlug: z.literal(category), specs: SPECS_SCHEMAS[category] });
}

export const catalogProductSchema = z.discriminatedUnion("categorySlug", [
  productSchemaFor("laptops"),
  productSchemaFor("desktops"),
  productSchemaFor("cpus"),
  productSchemaFor("gpus"),
  productSchemaFor("memory"),
  productSchemaFor("storage"),
  productSchemaFor("monitors"),
  productSchemaFor("peripherals"),
  productSchemaFor("networking"),
]);

export const catalogCategorySchema = z.strictObject({
  slug: z.enum(CATEGORY_SLUGS),
  name: z.string().trim().min(2).max(100),
  description: z.string().trim().min(10).max(300),
  sortOrder: z.int().nonnegative(),
});

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) (seen.has(value) ? repeated : seen).add(value);
  return [...repeated];
}

export const catalogSchema = z
  .strictObject({
    categories: z.array(catalogCategorySchema).min(1),
    products: z.array(catalogProductSchema).min(1),
  })
  .superRefine((catalog, ctx) => {
    const unique = (what: string, values: readonly string[]) => {
      for (const value of duplicates(values)) ctx.addIssue({ code: "custom", message: `duplicate ${what}: ${value}` });
    };
    unique("category slug", catalog.categories.map((c) => c.slug));
    unique("product slug", catalog.products.map((p) => p.slug));
    unique("product SKU", catalog.products.map((p) => p.sku));
    unique("product name", catalog.products.map((p) => p.name));
    const known = new Set<string>(catalog.categories.map((c) => c.slug));
    for (const product of catalog.products) {
      if (!known.has(product.categorySlug)) {
        ctx.addIssue({ code: "custom", message: `${product.slug}: unknown category ${product.categorySlug}` });
      }
      if (product.compareAtPriceCents !== null && product.compareAtPriceCents <= product.priceCents) {
        ctx.addIssue({ code: "custom", message: `${product.slug}: the compare-at price must be above the price` });
      }
    }
    const slugs = new Set(catalog.products.map((p) => p.slug));
    for (const slug of FEATURED_SLUGS) {
      if (!slugs.has(slug)) ctx.addIssue({ code: "custom", message: `featured product ${slug} is not in the catalog` });
    }
  });

export type Catalog = z.infer<typeof catalogSchema>;
export type CatalogProduct = z.infer<typeof catalogProductSchema>;
export type CatalogCategory = z.infer<typeof catalogCategorySchema>;

function assemble(category: CategorySlug, entry: ProductEntry<object>) {
  const slug = entry.slug ?? slugify(entry.name);
  const featured = FEATURED_SLUGS.includes(slug);
  return {
    slug,
    sku: skuFor(category, entry.brand, slug),
    name: entry.name,
    brand: entry.brand,
    categorySlug: category,
    priceCents: entry.priceCents,
    currency: "USD",
    stock: entry.stock ?? defaultStock(slug),
    specs: entry.specs,
    description: entry.description,
    compareAtPriceCents: compareAtPriceFor(slug, entry.priceCents),
    featured,
    unitsSold: unitsSoldFor(slug, entry.priceCents, featured),
    createdAt: listedAtFor(slug),
  };
}

/**
 * The whole seed catalog, freshly built and validated (fresh objects on every call, so callers may
 * mutate what they get). Throws with every problem listed if the data is invalid.
 */
export function buildCatalog(): Catalog {
  const raw = {
    categories: CATEGORIES,
    products: CATEGORY_SLUGS.flatMap((category) =>
      ENTRIES[category].map((entry: ProductEntry<object>) => assemble(category, entry)),
    ),
  };
  const result = catalogSchema.safeParse(raw);
  if (!result.success) throw new Error(`the seed catalog is invalid:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/** Number of products per category slug, in category order. */
export function countByCategory(catalog: Catalog): Record<CategorySlug, number> {
  const counts = Object.fromEntries(CATEGORY_SLUGS.map((slug) => [slug, 0])) as Record<CategorySlug, number>;
  for (const product of catalog.products) counts[product.categorySlug] += 1;
  return counts;
}
