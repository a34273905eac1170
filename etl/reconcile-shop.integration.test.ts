import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresPart } from "../dev/parts/postgres.ts";
import { throwawayPostgres } from "../dev/testing/local-parts.ts";
import { writeLakeObject } from "../ingest/lake-writer.ts";
import { migrateShop } from "../lib/db/migrations.ts";
import { purchase, rawRecord, sampleProduct } from "../lib/tracking/testing/event-factory.ts";
import { reconciliationRange } from "./reconcile-shop.ts";
import { runEtl } from "./run-etl.ts";
import { etlTestParts } from "./testing/etl-test-parts.ts";

// Orders and revenue in the warehouse (from the shop's signed purchase events) against the shop's
// own database, read as the least-privileged warehouse_reader the production ETL uses.
const parts = etlTestParts("reconcile-shop");
let shopDb: PostgresPart;
let owner: pg.Pool;
let reader: pg.Pool;

const DAY = "2026-11-17";

beforeAll(async () => {
  shopDb = await throwawayPostgres("shop_reconcile_test");
  await migrateShop(shopDb.url);
  owner = new pg.Pool({ connectionString: shopDb.url });
  await owner.query("CREATE ROLE etl_reader LOGIN PASSWORD 'reader' IN ROLE warehouse_reader");
  const url = new URL(shopDb.url);
  url.username = "etl_reader";
  url.password = "reader";
  reader = new pg.Pool({ connectionString: url.toString() });
});

afterAll(async () => {
  await Promise.all([owner?.end(), reader?.end()]);
  await shopDb?.stop();
});

async function placeOrder(totalCents: number, placedAt: string): Promise<void> {
  const user = await owner.query<{ id: string }>(
    "INSERT INTO app_user (cognito_sub, email) VALUES (gen_random_uuid()::text, 'a@example.com') RETURNING id");
  await owner.query(
    `INSERT INTO shop_order (user_id, idempotency_key, currency, subtotal_cents, shipping_cents, total_cents, shipping_method,
                             ship_name, ship_line1, ship_city, ship_postal_code, ship_country, placed_at)
     VALUES ($1, gen_random_uuid(), 'USD', $2, 0, $2, 'standard', 'A', '1 Road', 'Town', '12345', 'US', $3)`,
    [user.rows[0]!.id, totalCents, placedAt]);
}

describe("shop reconciliation", () => {
  it("gives the warehouse reader the daily totals and nothing else", async () => {
    await expect(reader.query("SELECT * FROM shop_order")).rejects.toThrow(/permission denied/);
    await expect(reader.query("SELECT * FROM app_user")).rejects.toThrow(/permission denied/);
    expect((await reader.query("SELECT * FROM warehouse_order_totals('2000-01-01', '2000-01-02')")).rows).toEqual([]);
  });

  it("keeps the shop's totals beside the warehouse's, and warns while an order's event is missing", async () => {
    await owner.query("TRUNCATE shop_order, app_user CASCADE");
    const price = sampleProduct.price_cents;
    await placeOrder(price + 999, `${DAY}T10:00:00Z`);
    await placeOrder(2 * price + 999, `${DAY}T23:59:59Z`);
    // Only the first order's event reached the lake.
    const event = { ...purchase(sampleProduct, 1, 999), occurred_at: `${DAY}T10:00:00.000Z` };
    await writeLakeObject(parts.deps.s3, parts.deps.bucket, "raw", new Date(`${DAY}T10:00:01Z`), [rawRecord(event, new Date(`${DAY}T10:00:01Z`), true)]);

    const result = await runEtl({ ...parts.deps, shop: reader });
    expect(result).toMatchObject({ eventsLoaded: 1, checksFailed: [], checksWarned: expect.arrayContaining(["shop-orders-reconciled"]) });
    const day = await parts.sql.query("SELECT shop_orders, warehouse_orders, orders_difference, revenue_difference_cents::int AS revenue FROM reconciliation_daily WHERE day = $1", [DAY]);
    expect(day.rows).toEqual([{ shop_orders: 2, warehouse_orders: 1, orders_difference: -1, revenue: -(2 * price + 999) }]);
    // Today and yesterday are fetched too, as zero when the shop sold nothing.
    const today = new Date().toISOString().slice(0, 10);
    expect((await parts.sql.query("SELECT orders FROM shop_daily_totals WHERE day = $1", [today])).rows).toEqual([{ orders: 0 }]);
  });

  it("leaves the run and the last totals alone when the shop cannot be read", async () => {
    const broken = new pg.Pool({ connectionString: "postgresql://nobody:wrong@127.0.0.1:1/shop" });
    try {
      const event = { ...purchase(sampleProduct, 1, 0), occurred_at: `${DAY}T09:00:00.000Z` };
      await writeLakeObject(parts.deps.s3, parts.deps.bucket, "raw", new Date(`${DAY}T09:00:01Z`), [rawRecord(event, new Date(`${DAY}T09:00:01Z`), true)]);
      expect(await runEtl({ ...parts.deps, shop: broken })).toMatchObject({ status: "succeeded", eventsLoaded: 1 });
      expect((await parts.sql.query("SELECT count(*)::int AS n FROM shop_daily_totals")).rows).toEqual([{ n: 0 }]);
    } finally {
      await broken.end();
    }
  });

  it("covers the days a run touched, and today and yesterday", () => {
    expect(reconciliationRange(["2026-11-03", "2026-11-01"], new Date("2026-11-10T05:00:00Z"))).toEqual({ first: "2026-11-01", last: "2026-11-10" });
    expect(reconciliationRange([], new Date("2026-11-10T00:30:00Z"))).toEqual({ first: "2026-11-09", last: "2026-11-10" });
  });
});
