import { describe, expect, it } from "vitest";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { toNdjsonGzip, writeLakeObject } from "../ingest/lake-writer.ts";
import { lakeObjectKey } from "../lib/lake/keys.ts";
import { createS3Client } from "../lib/lake/s3-client.ts";
import type { TrackedEvent } from "../lib/tracking/schema.ts";
import { pageView, productView, purchase, rawRecord, sampleProduct } from "../lib/tracking/testing/event-factory.ts";
import { runEtl, type EtlDeps, type PassStep } from "./run-etl.ts";
import { etlTestParts } from "./testing/etl-test-parts.ts";
import { tableSnapshot } from "./testing/table-snapshot.ts";
import { ETL_LOCK_KEY } from "./warehouse-queries.ts";

// How a run recovers: objects it cannot read, objects the look-back missed (reconciliation and
// backfill), a run killed at each step of a pass, and the data checks after each run.
const parts = etlTestParts("etl-recovery");

const HOUR = 3_600_000;
const put = (events: TrackedEvent[], receivedAt: Date, trusted = false) =>
  writeLakeObject(parts.deps.s3, parts.deps.bucket, "raw", receivedAt, events.map((event) => rawRecord(event, receivedAt, trusted)));
/** An object under a key of the test's choosing, so two lakes written alike hold the same keys. */
const putAt = (id: string, events: TrackedEvent[], receivedAt: Date, trusted = false) =>
  parts.deps.s3.send(new PutObjectCommand({
    Bucket: parts.deps.bucket, Key: lakeObjectKey("raw", receivedAt, id), Body: toNdjsonGzip(events.map((event) => rawRecord(event, receivedAt, trusted))),
  }));
const count = async (table: string) => Number((await parts.sql.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);

/** The ETL's deps with an S3 client whose GETs of `key` fail, as a flaky or broken object would. */
function unreadable(key: string): EtlDeps {
  const s3 = createS3Client({ endpoint: parts.s3.endpoint });
  s3.middlewareStack.add(
    (next) => async (args) => {
      if (args.input && typeof args.input === "object" && "Key" in args.input && args.input.Key === key) throw new Error("injected: connection reset");
      return next(args);
    },
    { step: "initialize", name: "failOneKey" },
  );
  return { ...parts.deps, s3 };
}

/** Ends the backend holding the ETL's lock, as when the Lambda or its connection dies. */
const killEtlRun = () => parts.sql.query("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = $1", [ETL_LOCK_KEY]);

/** Every table a run writes, as sorted JSON (lineage and run ids left out). */
async function warehouseState(): Promise<Record<string, string[]>> {
  const tables = await parts.sql.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'fact_event_y%'
       AND tablename NOT IN ('schema_migrations', 'etl_run', 'etl_data_check', 'etl_lake_reconciliation') ORDER BY tablename`);
  return tableSnapshot(parts.sql, tables.rows.map((row) => row.tablename), ["run_id", "loaded_at", "rejected_at", "id"]);
}

describe("a run's recovery", () => {
  it("defers an object it cannot read, and quarantines it with the reason after three runs", async () => {
    const now = new Date();
    const bad = await put([pageView()], now);
    await put([productView()], now);
    const flaky = unreadable(bad);

    expect(await runEtl(flaky)).toMatchObject({ objectsLoaded: 1, objectsDeferred: 1, objectsQuarantined: 0, eventsLoaded: 1 });
    expect(await runEtl(flaky)).toMatchObject({ objectsLoaded: 0, objectsDeferred: 1, objectsQuarantined: 0 });
    const third = await runEtl(flaky);
    expect(third).toMatchObject({ objectsDeferred: 0, objectsQuarantined: 1 });
    const manifest = await parts.sql.query("SELECT status, error FROM etl_object_manifest WHERE object_key = $1", [bad]);
    expect(manifest.rows).toEqual([{ status: "quarantined", error: expect.stringMatching(/could not be read in 3 runs.*connection reset/) }]);
    // Once quarantined it is never tried again, and the rest of the lake goes on loading.
    await put([pageView()], now);
    expect(await runEtl(flaky)).toMatchObject({ objectsLoaded: 1, objectsDeferred: 0, objectsQuarantined: 0 });
  });

  it("loads, when it lists the whole lake, an object written to a partition older than the look-back, and reports it", async () => {
    const now = new Date();
    await put([pageView()], now);
    expect(await runEtl(parts.deps)).toMatchObject({ eventsLoaded: 1, reconciled: true });
    // A replay into a partition a day old: the look-back (a few hours) does not see it, and the
    // daily listing already ran today.
    const old = new Date(now.getTime() - 26 * HOUR);
    await put([pageView(), pageView()], old);
    expect(await runEtl(parts.deps)).toMatchObject({ eventsLoaded: 0, reconciled: false });
    expect(await runEtl(parts.deps, { reconcile: "now" })).toMatchObject({ eventsLoaded: 2, reconciled: true });
    const report = await parts.sql.query("SELECT day::text, objects_listed, objects_missing FROM etl_lake_reconciliation WHERE objects_missing > 0");
    expect(report.rows).toEqual([{ day: old.toISOString().slice(0, 10), objects_listed: 1, objects_missing: 1 }]);
  });

  it("backfills chosen hours: loads what is missing there and nothing outside them", async () => {
    const now = new Date();
    const hours = [50, 30, 10].map((ago) => new Date(now.getTime() - ago * HOUR));
    for (const at of hours) await put([pageView({ occurred_at: at.toISOString() })], at);
    // Nothing loaded yet, and no run lists the lake: only the backfill's range is taken.
    const result = await runEtl(parts.deps, { backfill: { from: hours[1]!, to: hours[1]! } });
    expect(result).toMatchObject({ eventsLoaded: 1, objectsLoaded: 1, reconciled: true });
    expect((await parts.sql.query("SELECT received_at FROM fact_event")).rows).toEqual([{ received_at: hours[1] }]);
    // Backfilling the same hours again finds nothing more: the same exactly-once result.
    expect(await runEtl(parts.deps, { backfill: { from: hours[0]!, to: hours[1]! } })).toMatchObject({ eventsLoaded: 1 });
    expect(await runEtl(parts.deps, { backfill: { from: hours[0]!, to: hours[2]! } })).toMatchObject({ eventsLoaded: 1 });
    expect(await count("fact_event")).toBe(3);
  });

  it.each<PassStep>(["read", "copying", "merged", "committing"])(
    "leaves the warehouse unchanged when killed at %s, and the next run gives an uninterrupted run's state",
    async (step) => {
      const now = new Date();
      const visitor = { anonymous_id: "6b1f72a4-9083-44c5-a011-6c7d8e9fa0b1", session_id: "019ab200-0000-7000-8000-000000000001" };
      const first = [pageView({ ...visitor, occurred_at: new Date(now.getTime() - 60_000).toISOString() })];
      const second = [
        productView(sampleProduct, { ...visitor, occurred_at: now.toISOString(), seq: 3 }),
        { ...purchase(sampleProduct, 1), ...visitor },
      ];
      const write = async () => {
        await putAt("0001", first, new Date(now.getTime() - 60_000));
        await runEtl(parts.deps);
        await putAt("0002", second.slice(0, 1), now);
        await putAt("0003", second.slice(1), now, true);
      };

      await write();
      await runEtl(parts.deps);
      const uninterrupted = await warehouseState();

      await parts.reset();
      await write();
      const before = await warehouseState();
      const killed = runEtl({
        ...parts.deps,
        onStep: async (at) => {
          if (at !== step) return;
          // The run's backend dies, as when the Lambda or its connection does.
          await killEtlRun();
        },
      });
      await expect(killed).rejects.toThrow();
      expect(await warehouseState()).toEqual(before);

      expect(await runEtl(parts.deps)).toMatchObject({ status: "succeeded", eventsLoaded: 2 });
      expect(await warehouseState()).toEqual(uninterrupted);
    },
  );

  it("keeps a killed run's loaded passes, marks their days, and the next run rebuilds those days' aggregates", async () => {
    const now = new Date();
    const day = now.toISOString().slice(0, 10);
    const events = [pageView(), productView()];
    await putAt("0001", events, now);
    await runEtl(parts.deps);
    const uninterrupted = await warehouseState();

    await parts.reset();
    await putAt("0001", events, now);
    const killed = runEtl({
      ...parts.deps,
      onStep: async (at) => {
        if (at === "aggregating") await killEtlRun();
      },
    });
    await expect(killed).rejects.toThrow();
    expect(await count("fact_event")).toBe(2);
    expect(await count("agg_daily_kpi")).toBe(0);
    expect((await parts.sql.query("SELECT day::text FROM agg_dirty_day")).rows).toEqual([{ day }]);

    expect(await runEtl(parts.deps)).toMatchObject({ status: "succeeded", eventsLoaded: 0, checksFailed: [] });
    expect(await count("agg_dirty_day")).toBe(0);
    expect(await warehouseState()).toEqual(uninterrupted);
  });

  it("runs the data checks after each run and records them; a broken aggregate fails its check", async () => {
    const now = new Date();
    await put([pageView(), productView()], now);
    expect(await runEtl(parts.deps)).toMatchObject({ checksFailed: [] });
    const recorded = await parts.sql.query("SELECT count(*)::int AS checks, count(*) FILTER (WHERE severity = 'error')::int AS errors FROM etl_data_check");
    expect(recorded.rows[0]).toMatchObject({ checks: expect.any(Number), errors: expect.any(Number) });
    expect(recorded.rows[0].errors).toBeGreaterThanOrEqual(8);

    await parts.sql.query("UPDATE agg_daily_kpi SET sessions = sessions + 1");
    await parts.sql.query("UPDATE fact_session SET channel = 'carrier_pigeon'");
    // Only days a run rebuilds are checked: a new event of the day brings it into scope, and
    // rebuilding fixes the aggregate but not the session the new event does not touch.
    await put([pageView()], now);
    const rerun = await runEtl(parts.deps);
    expect(rerun.checksFailed).toEqual(["fact-session-accepted-values"]);
    const sample = await parts.sql.query("SELECT failures, sample FROM etl_data_check WHERE run_id = $1 AND check_name = 'fact-session-accepted-values'", [rerun.runId]);
    expect(sample.rows).toEqual([{ failures: 2, sample: expect.arrayContaining([expect.objectContaining({ channel: "carrier_pigeon" })]) }]);
  });
});
