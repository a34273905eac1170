import { readdir } from "node:fs/promises";
import { runner } from "node-pg-migrate";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresPart } from "@/dev/parts/postgres.ts";
import { throwawayPostgres } from "@/dev/testing/local-parts.ts";
import { SHOP_MIGRATIONS_DIR, migrateShop } from "@/lib/db/migrations.ts";
import { applyMigrations } from "@/lib/pg/apply-migrations.ts";
import { seedCatalog } from "@/prisma/seed.ts";

// The product-search migration over a database that already has products (a developer's .data,
// production): it fills in their documents, and its down migration takes everything away again.
const MIGRATION = "1764300000000_product-search";

let postgres: PostgresPart;
let client: pg.Client;

beforeAll(async () => {
  postgres = await throwawayPostgres("shop_search_migration_test");
  client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await postgres?.stop();
});

const count = async (sql: string): Promise<number> => Number((await client.query<{ n: string }>(sql)).rows[0]?.n);
const searchObjects = () =>
  count(`SELECT (SELECT count(*) FROM pg_class WHERE relname LIKE 'product_search%')
              + (SELECT count(*) FROM pg_proc WHERE proname LIKE 'product_search%')
              + (SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'product_search%') AS n`);

/** Runs the down migrations of MIGRATION and of every later one; returns the names of them all. */
async function downToBefore(): Promise<string[]> {
  const names = (await readdir(SHOP_MIGRATIONS_DIR)).map((file) => file.replace(/\.sql$/, "")).sort();
  const undo = names.length - names.indexOf(MIGRATION);
  await runner({ databaseUrl: postgres.url, dir: SHOP_MIGRATIONS_DIR, direction: "down", count: undo, migrationsTable: "schema_migrations", log: () => {} });
  return names.slice(names.indexOf(MIGRATION));
}

describe("the product-search migration", () => {
  it("gives every existing product its search document", async () => {
    // The seed writes the current schema: seed it, then go back to before the migration.
    await applyMigrations(postgres.url, SHOP_MIGRATIONS_DIR);
    await seedCatalog(postgres.url);
    await downToBefore();
    expect(await searchObjects()).toBe(0);
    const products = await count("SELECT count(*) AS n FROM product");
    expect(products).toBeGreaterThan(0);

    expect(await migrateShop(postgres.url)).toContain(MIGRATION);
    expect(await count("SELECT count(*) AS n FROM product_search")).toBe(products);
    expect(
      await count(`SELECT count(*) AS n FROM product p JOIN product_search s ON s.product_id = p.id
                    WHERE s.document @@ plainto_tsquery('simple', product_search_words(split_part(p.name, ' ', 1)))`),
    ).toBe(products);
  });

  it("is undone by its down migration, and can be applied again", async () => {
    expect(await searchObjects()).toBeGreaterThan(0);
    // Down to just before it, through whatever later migrations there are.
    const undone = await downToBefore();
    expect(await searchObjects()).toBe(0);
    expect(await migrateShop(postgres.url)).toEqual(undone);
    expect(await count("SELECT count(*) AS n FROM product_search")).toBe(await count("SELECT count(*) AS n FROM product"));
  });
});
