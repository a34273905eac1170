import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresPart } from "../dev/parts/postgres.ts";
import { throwawayPostgres } from "../dev/testing/local-parts.ts";
import { SHOP_MIGRATIONS_DIR } from "../lib/db/migrations.ts";
import { applyMigrations } from "../lib/pg/apply-migrations.ts";

// Data migrations of the shop database, run over rows written by the version before them (a
// developer's .data, or production), not only over an empty database.
let postgres: PostgresPart;
let client: pg.Client;

beforeAll(async () => {
  postgres = await throwawayPostgres("shop_migrations_test");
  client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await postgres?.stop();
});

describe("the brand migration", () => {
  it("gives every existing product a brand row, one per distinct name", async () => {
    expect(await applyMigrations(postgres.url, SHOP_MIGRATIONS_DIR, { count: 1 })).toEqual(["1764000000000_catalog"]);
    await client.query("INSERT INTO category (slug, name) VALUES ('gpus', 'Graphics cards')");
    await client.query(`
      INSERT INTO product (slug, sku, name, brand, category_id, price_cents, stock)
      SELECT slug, upper(slug), slug, brand, (SELECT id FROM category), 100, 1
      FROM (VALUES ('a', 'ASUS'), ('b', 'ASUS'), ('c', 'Western Digital'), ('d', 'MSI')) AS v(slug, brand)`);

    expect(await applyMigrations(postgres.url, SHOP_MIGRATIONS_DIR, { count: 1 })).toEqual(["1764200000000_brand"]);
    const brands = await client.query("SELECT slug, name FROM brand ORDER BY slug");
    expect(brands.rows).toEqual([
      { slug: "asus", name: "ASUS" },
      { slug: "msi", name: "MSI" },
      { slug: "western-digital", name: "Western Digital" },
    ]);
    const products = await client.query("SELECT p.slug, b.name FROM product p JOIN brand b ON b.id = p.brand_id ORDER BY p.slug");
    expect(products.rows).toEqual([
      { slug: "a", name: "ASUS" },
      { slug: "b", name: "ASUS" },
      { slug: "c", name: "Western Digital" },
      { slug: "d", name: "MSI" },
    ]);
  });
});
