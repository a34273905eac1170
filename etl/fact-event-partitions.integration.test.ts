import { readdir } from "node:fs/promises";
import { runner } from "node-pg-migrate";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresPart } from "../dev/parts/postgres.ts";
import { throwawayPostgres } from "../dev/testing/local-parts.ts";
import { applyMigrations } from "../lib/pg/apply-migrations.ts";
import { WAREHOUSE_MIGRATIONS_DIR } from "./sql-files.ts";

// Partitioning fact_event over a warehouse that already holds events (a developer's .data,
// production): every event moves into its month's partition and is claimed in fact_event_key,
// and the down migration gives the plain table back with the same rows.
const MIGRATION = "1764500000000_fact-event-partitioned";

let postgres: PostgresPart;
let client: pg.Client;

beforeAll(async () => {
  postgres = await throwawayPostgres("warehouse_partition_migration_test");
  client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await postgres?.stop();
});

const names = async () => (await readdir(WAREHOUSE_MIGRATIONS_DIR)).filter((file) => file.endsWith(".sql")).map((file) => file.replace(/\.sql$/, "")).sort();

const EVENTS = [
  ["0193a000-0000-7000-8000-000000000001", "2026-10-31T23:59:59Z"],
  ["0193a000-0000-7000-8000-000000000002", "2026-11-01T00:00:00Z"],
  ["0193a000-0000-7000-8000-000000000003", "2026-11-30T12:00:00Z"],
] as const;

async function rows(): Promise<Array<{ event_id: string; partition: string }>> {
  const result = await client.query<{ event_id: string; partition: string }>(
    "SELECT event_id::text, tableoid::regclass::text AS partition FROM fact_event ORDER BY event_id");
  return result.rows;
}

describe(MIGRATION, () => {
  it("moves existing events into month partitions, claims their ids, and its down migration restores the plain table", async () => {
    const all = await names();
    await applyMigrations(postgres.url, WAREHOUSE_MIGRATIONS_DIR, { count: all.indexOf(MIGRATION) });
    for (const [eventId, at] of EVENTS) {
      await client.query(
        `INSERT INTO fact_event (event_id, event_name, occurred_at, derived_at, sent_at, received_at, event_date, anonymous_id,
                                 session_id, page_url, page_path, page_title, properties, object_key)
         VALUES ($1, 'page_view', $2, $2, $2, $2, ($2::timestamptz AT TIME ZONE 'UTC')::date, gen_random_uuid(), gen_random_uuid(),
                 'https://shop.example/', '/', 'Home', '{}', 'raw/x')`,
        [eventId, at]);
    }

    await applyMigrations(postgres.url, WAREHOUSE_MIGRATIONS_DIR, { count: 1 });
    expect(await rows()).toEqual([
      { event_id: EVENTS[0][0], partition: "fact_event_y2026m10" },
      { event_id: EVENTS[1][0], partition: "fact_event_y2026m11" },
      { event_id: EVENTS[2][0], partition: "fact_event_y2026m11" },
    ]);
    expect((await client.query("SELECT count(*)::int AS n FROM fact_event_key")).rows).toEqual([{ n: 3 }]);
    // A month with no partition lands in the default one, and moves when its partition is made.
    await client.query(
      `INSERT INTO fact_event (event_id, event_name, occurred_at, derived_at, sent_at, received_at, event_date, properties, object_key)
       VALUES ('0193a000-0000-7000-8000-000000000004', 'product_updated', now(), now(), now(), now(), '2027-02-03', '{}', 'raw/y')`);
    expect((await rows()).at(-1)).toEqual({ event_id: "0193a000-0000-7000-8000-000000000004", partition: "fact_event_default" });
    await client.query("SELECT ensure_fact_event_month('2027-02-28')");
    expect((await rows()).at(-1)).toEqual({ event_id: "0193a000-0000-7000-8000-000000000004", partition: "fact_event_y2027m02" });

    await runner({ databaseUrl: postgres.url, dir: WAREHOUSE_MIGRATIONS_DIR, direction: "down", count: 1, migrationsTable: "schema_migrations", log: () => {} });
    expect((await rows()).map((row) => row.partition)).toEqual(["fact_event", "fact_event", "fact_event", "fact_event"]);
    expect((await client.query("SELECT to_regclass('fact_event_key') AS key")).rows).toEqual([{ key: null }]);
  });
});
