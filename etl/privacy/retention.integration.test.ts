import { v7 as uuidv7 } from "uuid";
import { describe, expect, it } from "vitest";
import type { TrackedEvent } from "../../lib/tracking/schema.ts";
import { pageView, purchase, sampleProduct } from "../../lib/tracking/testing/event-factory.ts";
import { runEtl } from "../run-etl.ts";
import { etlTestParts } from "../testing/etl-test-parts.ts";
import { rawKeysBefore } from "./retention-lake.ts";
import { dropEventsBefore, forgetDeletedObjects } from "./retention-warehouse.ts";
import { applyRetention } from "./retention.ts";
import { browserLine, lakeTexts, serverLine, writeObjects, type LakeObject, type Line } from "./testing/lake-traffic.ts";

// Retention against a real warehouse and a real s3rver lake, fed through the real ETL.
const parts = etlTestParts("retention-test");

const NOW = new Date("2026-11-20T12:00:00.000Z");
const DAYS = 10;
const CUTOFF = "2026-11-10";

const view = (anonymous_id: string, session_id: string, occurred_at: string): TrackedEvent =>
  pageView({ anonymous_id, session_id, occurred_at, context: { logged_in: false, first_visit: false } });
const bought = (anonymous_id: string, session_id: string, user_id: string, occurred_at: string): TrackedEvent => ({
  ...purchase(sampleProduct, 1, 500), anonymous_id, session_id, user_id, occurred_at,
});
const invalid = (receivedAt: Date): Line =>
  browserLine({ ...view(uuidv7(), uuidv7(), receivedAt.toISOString()), event_name: "bogus" } as unknown as TrackedEvent, receivedAt, null, false, "invalid");
const rejected = (receivedAt: Date): Line => ({
  record: { schema_version: 2, received_at: receivedAt.toISOString(), index: 0, reason: "unknown event_name", payload: { event_name: "bogus" } },
  kind: "rejected",
  person: false,
});

/** Three weeks of a small shop: an old buyer, a visit straddling the cutoff, a recent buyer. */
function traffic(): { objects: LakeObject[]; old: boolean[] } {
  const [old, straddling, recent] = ["0b5f1c4e-3a2d-4e6f-8a9b-0c1d2e3f4a5b", "1c6a2d5f-4b3e-4f70-9bac-1d2e3f4a5b6c", "2d7b3e60-5c4f-4081-8cbd-2e3f4a5b6c7d"];
  const [s1, s2, s3] = [uuidv7(), uuidv7(), uuidv7()];
  const nov5 = new Date("2026-11-05T10:20:00.000Z");
  const nov10 = new Date("2026-11-10T00:15:00.000Z");
  const nov15 = new Date("2026-11-15T09:20:00.000Z");
  const objects: LakeObject[] = [
    {
      area: "raw",
      receivedAt: nov5,
      lines: [
        browserLine(view(old, s1, "2026-11-05T10:00:00.000Z"), nov5, "user-old", false),
        browserLine(view(old, s1, "2026-11-05T10:01:00.000Z"), nov5, "user-old", false),
        serverLine(bought(old, s1, "user-old", "2026-11-05T10:02:00.000Z"), nov5, false),
        invalid(nov5),
      ],
    },
    { area: "rejected", receivedAt: nov5, lines: [rejected(nov5)] },
    // Received after the cutoff, partly sent before it: the object stays, its old event goes.
    {
      area: "raw",
      receivedAt: nov10,
      lines: [
        browserLine(view(straddling, s2, "2026-11-09T23:50:00.000Z"), nov10, null, false),
        browserLine(view(straddling, s2, "2026-11-10T00:10:00.000Z"), nov10, null, false),
      ],
    },
    {
      area: "raw",
      receivedAt: nov15,
      lines: [
        browserLine(view(recent, s3, "2026-11-15T09:00:00.000Z"), nov15, "user-recent", false),
        serverLine(bought(recent, s3, "user-recent", "2026-11-15T09:05:00.000Z"), nov15, false),
        invalid(nov15),
      ],
    },
    { area: "rejected", receivedAt: nov15, lines: [rejected(nov15)] },
  ];
  return { objects, old: objects.map((object) => object.receivedAt < new Date(`${CUTOFF}T00:00:00Z`)) };
}

const rows = async (sql: string, params: unknown[] = []) => (await parts.sql.query<{ row: string }>(sql, params)).rows.map((r) => r.row).sort();
const count = async (sql: string, params: unknown[] = []) => Number((await parts.sql.query<{ n: string }>(sql, params)).rows[0]?.n);

describe("retention", () => {
  it("drops the lake's partitions and the warehouse's rows of days before the cutoff, and nothing after it", async () => {
    const { objects, old } = traffic();
    const keys = await writeObjects(parts.deps, objects);
    await runEtl(parts.deps);

    const oldEvents = await count("SELECT count(*) AS n FROM fact_event WHERE event_date < $1", [CUTOFF]);
    const oldSessions = await count("SELECT count(*) AS n FROM fact_session WHERE session_date < $1", [CUTOFF]);
    expect(oldEvents).toBeGreaterThan(0);
    expect(oldSessions).toBeGreaterThan(0);
    const oldKpiDays = await count("SELECT count(*) AS n FROM agg_daily_kpi WHERE day < $1", [CUTOFF]);
    expect(await count("SELECT count(*) AS n FROM agg_channel_daily WHERE day < $1", [CUTOFF])).toBeGreaterThan(0);
    expect(await count("SELECT count(*) AS n FROM visitor_week WHERE week + 7 <= $1::date", [CUTOFF])).toBeGreaterThan(0);
    const oldLinks = await count("SELECT count(*) AS n FROM identity_map WHERE last_linked_at < $1::date", [CUTOFF]);
    expect(await count("SELECT count(*) AS n FROM etl_rejected_line")).toBe(2);
    const kept = {
      events: await rows("SELECT to_jsonb(t)::text AS row FROM fact_event t WHERE event_date >= $1", [CUTOFF]),
      sessions: await rows("SELECT to_jsonb(t)::text AS row FROM fact_session t WHERE session_date >= $1", [CUTOFF]),
      kpi: await rows("SELECT to_jsonb(t)::text AS row FROM agg_daily_kpi t WHERE day >= $1", [CUTOFF]),
      orderLines: await rows("SELECT to_jsonb(t)::text AS row FROM fact_order_line t WHERE order_date >= $1", [CUTOFF]),
    };
    expect(kept.kpi.length).toBeGreaterThan(0);

    const result = await applyRetention({ ...parts.deps, now: () => NOW }, DAYS);
    expect(result.cutoff).toBe(CUTOFF);

    // The lake: every object of an old partition is gone, every other one is there.
    expect([...(await lakeTexts(parts.deps)).keys()].sort()).toEqual(keys.filter((_, i) => !old[i]).sort());
    // The warehouse: nothing before the cutoff, everything after it as it was.
    expect(await count("SELECT count(*) AS n FROM fact_event WHERE event_date < $1", [CUTOFF])).toBe(0);
    expect(await count("SELECT count(*) AS n FROM fact_session WHERE session_date < $1", [CUTOFF])).toBe(0);
    expect(await count("SELECT count(*) AS n FROM visitor_week WHERE week + 7 <= $1::date", [CUTOFF])).toBe(0);
    expect(await count("SELECT count(*) AS n FROM agg_daily_kpi WHERE day < $1", [CUTOFF])).toBe(0);
    for (const table of ["agg_product_daily", "agg_channel_daily", "agg_page_path_daily", "agg_event_daily"]) {
      expect(await count(`SELECT count(*) AS n FROM ${table} WHERE day < $1`, [CUTOFF]), table).toBe(0);
    }
    // Every event left is still claimed once, and no claim outlives its event.
    expect(await count("SELECT count(*) AS n FROM fact_event_key")).toBe(await count("SELECT count(*) AS n FROM fact_event"));
    expect(await rows("SELECT to_jsonb(t)::text AS row FROM fact_event t")).toEqual(kept.events);
    expect(await rows("SELECT to_jsonb(t)::text AS row FROM fact_session t")).toEqual(kept.sessions);
    expect(await rows("SELECT to_jsonb(t)::text AS row FROM agg_daily_kpi t")).toEqual(kept.kpi);
    expect((await parts.sql.query("SELECT user_id FROM identity_map")).rows).toEqual([{ user_id: "user-recent" }]);
    // Old orders stay, without their visitor.
    const oldLines = await parts.sql.query("SELECT anonymous_id, session_id, user_id FROM fact_order_line WHERE order_date < $1", [CUTOFF]);
    expect(oldLines.rows).toEqual([{ anonymous_id: null, session_id: null, user_id: null }]);
    expect(await rows("SELECT to_jsonb(t)::text AS row FROM fact_order_line t WHERE order_date >= $1", [CUTOFF])).toEqual(kept.orderLines);
    expect((await parts.sql.query("SELECT object_key FROM etl_rejected_line")).rows).toEqual([{ object_key: keys[3] }]);
    // The manifest forgets exactly the raw objects that went.
    const rawKeys = keys.filter((key) => key.startsWith("raw/"));
    expect((await rows("SELECT object_key AS row FROM etl_object_manifest"))).toEqual(rawKeys.filter((key) => !old[keys.indexOf(key)]).sort());

    expect(result.counts).toMatchObject({
      events_deleted: oldEvents,
      partitions_dropped: 0,
      sessions_deleted: oldSessions,
      identity_links_deleted: oldLinks,
      order_lines_pseudonymized: 1,
      rejected_lines_deleted: 1,
      kpi_days_deleted: oldKpiDays,
      objects_deleted: old.filter(Boolean).length,
      manifest_rows_deleted: rawKeys.filter((key) => old[keys.indexOf(key)]).length,
      versions_deleted: 0,
    });
    const log = await parts.sql.query("SELECT action, cutoff::text, parameters->'days' AS days, status, events_deleted FROM privacy_action");
    expect(log.rows).toEqual([{ action: "retention", cutoff: CUTOFF, days: DAYS, status: "succeeded", events_deleted: oldEvents }]);

    // Nothing reloads, and a second run finds nothing more.
    expect(await runEtl(parts.deps)).toMatchObject({ status: "succeeded", objectsLoaded: 0, eventsLoaded: 0 });
    expect(await rows("SELECT to_jsonb(t)::text AS row FROM fact_event t")).toEqual(kept.events);
    const again = await applyRetention({ ...parts.deps, now: () => NOW }, DAYS);
    expect(Object.values(again.counts).every((n) => n === 0)).toBe(true);
  });

  it("never forgets the manifest row of an object still in the lake, which would load it again", async () => {
    const early = new Date("2026-11-01T08:00:00.000Z");
    const [stillThere] = await writeObjects(parts.deps, [{ area: "raw", receivedAt: early, lines: [browserLine(view(uuidv7(), uuidv7(), early.toISOString()), early, null, false)] }]);
    const gone = "raw/dt=2026-11-02/hr=08/019a4000-0000-7000-8000-000000000000.ndjson.gz";
    const recent = "raw/dt=2026-11-12/hr=08/019a7000-0000-7000-8000-000000000000.ndjson.gz";
    const run = (await parts.sql.query<{ run_id: string }>("INSERT INTO etl_run (status) VALUES ('succeeded') RETURNING run_id")).rows[0]?.run_id;
    await parts.sql.query("INSERT INTO etl_object_manifest (object_key, run_id, status) SELECT unnest($1::text[]), $2, 'loaded'", [[stillThere, gone, recent], run]);

    const forgotten = await forgetDeletedObjects(parts.sql, CUTOFF, await rawKeysBefore(parts.deps.s3, parts.deps.bucket, CUTOFF));
    expect(forgotten).toBe(1);
    expect(await rows("SELECT object_key AS row FROM etl_object_manifest")).toEqual([stillThere, recent].sort());
  });

  it("drops whole partitions of a table partitioned by month, and deletes the older rows of the others", async () => {
    const client = await parts.sql.connect();
    try {
      await client.query(`
        CREATE TABLE retention_partitioned (event_id bigint NOT NULL, event_date date NOT NULL) PARTITION BY RANGE (event_date);
        CREATE TABLE retention_partitioned_2026_09 PARTITION OF retention_partitioned FOR VALUES FROM ('2026-09-01') TO ('2026-10-01');
        CREATE TABLE retention_partitioned_2026_10 PARTITION OF retention_partitioned FOR VALUES FROM ('2026-10-01') TO ('2026-11-01');
        CREATE TABLE retention_partitioned_2026_11 PARTITION OF retention_partitioned FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');
        CREATE TABLE retention_partitioned_rest PARTITION OF retention_partitioned DEFAULT;
        INSERT INTO retention_partitioned
        SELECT row_number() OVER (), day FROM generate_series('2026-08-25'::date, '2026-12-05'::date, interval '6 hours') AS day`);
      const before = async (sql: string) => Number((await client.query<{ n: string }>(sql, [CUTOFF])).rows[0]?.n);
      const older = await before("SELECT count(*) AS n FROM retention_partitioned WHERE event_date < $1");
      const newer = await before("SELECT count(*) AS n FROM retention_partitioned WHERE event_date >= $1");
      // August and December rows sit in the default partition, which is never dropped.
      expect(await before("SELECT count(*) AS n FROM retention_partitioned_rest WHERE event_date < $1")).toBeGreaterThan(0);

      await client.query("BEGIN");
      const result = await dropEventsBefore(client, CUTOFF, "retention_partitioned");
      await client.query("COMMIT");

      expect(result).toEqual({ eventsDeleted: older, partitionsDropped: 2 });
      const left = await client.query("SELECT relid::regclass::text AS partition FROM pg_partition_tree('retention_partitioned') WHERE level = 1 ORDER BY 1");
      expect(left.rows).toEqual([{ partition: "retention_partitioned_2026_11" }, { partition: "retention_partitioned_rest" }]);
      expect(await before("SELECT count(*) AS n FROM retention_partitioned WHERE event_date < $1")).toBe(0);
      expect(await before("SELECT count(*) AS n FROM retention_partitioned WHERE event_date >= $1")).toBe(newer);
    } finally {
      await client.query("ROLLBACK").catch(() => {});
      await client.query("DROP TABLE IF EXISTS retention_partitioned");
      client.release();
    }
  });
});
