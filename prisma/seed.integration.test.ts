import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresPart } from "../dev/parts/postgres.ts";
import { throwawayPostgres } from "../dev/testing/local-parts.ts";
import { migrateShop } from "../lib/db/migrations.ts";
import { seedCatalog } from "./seed.ts";
import { buildCatalog } from "./seed/catalog.ts";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const catalog = buildCatalog();

let postgres: PostgresPart;
let client: pg.Client;

async function count(table: "category" | "brand" | "product" | "event_outbox"): Promise<number> {
  const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(result.rows[0]?.n);
}

/** Every column of every product and category, in a stable order. */
async function snapshot(): Promise<unknown[]> {
  const categories = await client.query("SELECT * FROM category ORDER BY slug");
  const brands = await client.query("SELECT * FROM brand ORDER BY slug");
  const products = await client.query("SELECT * FROM product ORDER BY slug");
  return [...categories.rows, ...brands.rows, ...products.rows];
}

async function productRow(slug: string): Promise<{ stock: number; price_cents: number }> {
  const result = await client.query<{ stock: number; price_cents: number }>(
    "SELECT stock, price_cents FROM product WHERE slug = $1",
    [slug],
  );
  const row = result.rows[0];
  if (row === undefined) throw new Error(`no product ${slug}`);
  return row;
}

beforeAll(async () => {
  postgres = await throwawayPostgres("shop_seed_test");
  await migrateShop(postgres.url);
  client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await postgres?.stop();
});

describe("seedCatalog", () => {
  it("creates every category and product on an empty database", async () => {
    const summary = await seedCatalog(postgres.url);
    const brands = new Set(catalog.products.map((product) => product.brand)).size;
    expect(summary.categories).toEqual({ created: catalog.categories.length, updated: 0, unchanged: 0 });
    expect(summary.brands).toEqual({ created: brands, updated: 0, unchanged: 0 });
    expect(summary.products).toEqual({ created: catalog.products.length, updated: 0, unchanged: 0 });
    expect(await count("category")).toBe(catalog.categories.length);
    expect(await count("brand")).toBe(brands);
    expect(await count("product")).toBe(catalog.products.length);
  });

  it("stores the catalog's values", async () => {
    const rows = await client.query<{
      slug: string;
      sku: string;
      name: string;
      brand: string;
      category: string;
      price_cents: number;
      compare_at_price_cents: number | null;
      featured: boolean;
      units_sold: number;
      created_at: Date;
      currency: string;
      stock: number;
      specs: unknown;
      description: string;
    }>(
      `SELECT p.slug, p.sku, p.name, b.name AS brand, c.slug AS category, p.price_cents, p.compare_at_price_cents,
              p.featured, p.units_sold, p.created_at, p.currency, p.stock, p.specs, p.description
         FROM product p JOIN category c ON c.id = p.category_id JOIN brand b ON b.id = p.brand_id`,
    );
    const bySlug = new Map(rows.rows.map((row) => [row.slug, row]));
    for (const product of catalog.products) {
      expect(bySlug.get(product.slug), product.slug).toEqual({
        slug: product.slug,
        sku: product.sku,
        name: product.name,
        brand: product.brand,
        category: product.categorySlug,
        price_cents: product.priceCents,
        compare_at_price_cents: product.compareAtPriceCents,
        featured: product.featured,
        units_sold: product.unitsSold,
        created_at: product.createdAt,
        currency: product.currency,
        stock: product.stock,
        specs: product.specs,
        description: product.description,
      });
    }
    expect(rows.rows.filter((row) => row.featured)).toHaveLength(8);
    expect(rows.rows.filter((row) => row.compare_at_price_cents !== null).length).toBeGreaterThan(0);
  });

  it("announces every product it created to the warehouse, through the outbox", async () => {
    const events = await client.query<{ event_name: string; slug: string; price_cents: number }>(
      "SELECT event_name, event->'properties'->>'slug' AS slug, (event->'properties'->>'price_cents')::int AS price_cents FROM event_outbox",
    );
    expect(events.rows).toHaveLength(catalog.products.length);
    expect(new Set(events.rows.map((row) => row.event_name))).toEqual(new Set(["product_updated"]));
    const first = catalog.products[0];
    expect(events.rows.find((row) => row.slug === first?.slug)?.price_cents).toBe(first?.priceCents);
  });

  it("changes nothing when run again", async () => {
    const announced = await count("event_outbox");
    const before = await snapshot();
    const summary = await seedCatalog(postgres.url);
    expect(summary.categories).toEqual({ created: 0, updated: 0, unchanged: catalog.categories.length });
    expect(summary.brands).toEqual({ created: 0, updated: 0, unchanged: new Set(catalog.products.map((p) => p.brand)).size });
    expect(summary.products).toEqual({ created: 0, updated: 0, unchanged: catalog.products.length });
    expect(await snapshot()).toEqual(before);
    expect(await count("event_outbox")).toBe(announced);
  });

  it("keeps live stock but restores catalog facts on a re-seed", async () => {
    const [first, second] = catalog.products;
    if (first === undefined || second === undefined) throw new Error("catalog too small");
    await client.query("UPDATE product SET stock = 999 WHERE slug = $1", [first.slug]);
    await client.query("UPDATE product SET price_cents = 1, stock = 0 WHERE slug = $1", [second.slug]);
    await client.query("UPDATE category SET name = 'Renamed' WHERE slug = $1", [first.categorySlug]);
    await client.query("DELETE FROM event_outbox");

    const summary = await seedCatalog(postgres.url);
    const announced = await client.query<{ slug: string }>("SELECT event->'properties'->>'slug' AS slug FROM event_outbox");
    expect(announced.rows).toEqual([{ slug: second.slug }]);
    expect(summary.products).toEqual({ created: 0, updated: 1, unchanged: catalog.products.length - 1 });
    expect(summary.categories.updated).toBe(1);

    expect(await productRow(first.slug)).toEqual({ stock: 999, price_cents: first.priceCents });
    expect(await productRow(second.slug)).toEqual({ stock: 0, price_cents: second.priceCents });
    const category = await client.query<{ name: string }>("SELECT name FROM category WHERE slug = $1", [first.categorySlug]);
    expect(category.rows[0]?.name).toBe(catalog.categories.find((c) => c.slug === first.categorySlug)?.name);
    expect(await count("product")).toBe(catalog.products.length);
  });

  it("keeps units sold and the listing date, but restores the discount and the featured flag", async () => {
    const discounted = catalog.products.find((p) => p.compareAtPriceCents !== null && !p.featured);
    if (discounted === undefined) throw new Error("no discounted product");
    await client.query(
      "UPDATE product SET units_sold = units_sold + 5, compare_at_price_cents = NULL, featured = true, created_at = '2020-01-01T00:00:00Z' WHERE slug = $1",
      [discounted.slug],
    );
    const summary = await seedCatalog(postgres.url);
    expect(summary.products.updated).toBe(1);
    const row = await client.query<{ units_sold: number; compare_at_price_cents: number | null; featured: boolean; created_at: Date }>(
      "SELECT units_sold, compare_at_price_cents, featured, created_at FROM product WHERE slug = $1",
      [discounted.slug],
    );
    expect(row.rows[0]).toEqual({
      units_sold: discounted.unitsSold + 5,
      compare_at_price_cents: discounted.compareAtPriceCents,
      featured: false,
      created_at: new Date("2020-01-01T00:00:00Z"),
    });
  });

  it("restores a product's specs regardless of key order and leaves other products alone", async () => {
    const product = catalog.products[2];
    if (product === undefined) throw new Error("catalog too small");
    await client.query(`UPDATE product SET specs = specs || '{"cpu": "tampered"}'::jsonb WHERE slug = $1`, [product.slug]);
    const categoryId = await client.query<{ id: number }>("SELECT id FROM category ORDER BY id LIMIT 1");
    const brandId = await client.query<{ id: number }>("INSERT INTO brand (slug, name) VALUES ('generic', 'Generic') RETURNING id");
    await client.query(
      "INSERT INTO product (slug, sku, name, brand_id, category_id, price_cents, stock) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      ["staff-added-cable", "STAFF-001", "USB-C Cable", brandId.rows[0]?.id, categoryId.rows[0]?.id, 999, 5],
    );
    const summary = await seedCatalog(postgres.url);
    expect(summary.products.updated).toBe(1);
    const specs = await client.query<{ specs: unknown }>("SELECT specs FROM product WHERE slug = $1", [product.slug]);
    expect(specs.rows[0]?.specs).toEqual(product.specs);
    expect(await count("product")).toBe(catalog.products.length + 1);
  });

  it("runs as `tsx prisma/seed.ts` and explains a missing DATABASE_URL", async () => {
    const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const failed = await run(tsx, ["prisma/seed.ts"], { cwd: ROOT, env }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failed).toMatchObject({ code: 1 });
    expect(String((failed as { stderr?: unknown } | null)?.stderr)).toContain("DATABASE_URL is not set");

    const ok = await run(tsx, ["prisma/seed.ts"], { cwd: ROOT, env: { ...env, DATABASE_URL: postgres.url } });
    expect(ok.stdout).toContain(`products: 0 created, 0 updated, ${catalog.products.length} unchanged`);
  });
});
