import { PutObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { toNdjsonGzip, writeLakeObject } from "../ingest/lake-writer.ts";
import { lakeObjectKey } from "../lib/lake/keys.ts";
import { createS3Client } from "../lib/lake/s3-client.ts";
import { pageView, pageViewV1, productUpdated, productView, rawRecord, sampleProduct } from "../lib/tracking/testing/event-factory.ts";
import type { TrackedEvent } from "../lib/tracking/schema.ts";
import { runEtl } from "./run-etl.ts";
import { etlTestParts } from "./testing/etl-test-parts.ts";
import { ETL_LOCK_KEY } from "./warehouse-queries.ts";

// The ETL against a real s3rver and a real PostgreSQL warehouse; each test starts empty.
const parts = etlTestParts("etl-test");

const put = (events: TrackedEvent[], receivedAt = new Date(), trusted = false) =>
  writeLakeObject(parts.deps.s3, parts.deps.bucket, "raw", receivedAt, events.map((event) => rawRecord(event, receivedAt, trusted)));
const putTrusted = (events: TrackedEvent[]) => put(events, new Date(), true);

const count = async (table: string) => Number((await parts.sql.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);

describe("runEtl", () => {
  it("loads new objects once: a second run loads nothing", async () => {
    await put([pageView(), productView()]);
    await put([pageView()]);
    const first = await runEtl(parts.deps);
    expect(first).toMatchObject({ status: "succeeded", objectsLoaded: 2, eventsLoaded: 3, duplicates: 0, rejected: 0 });
    const second = await runEtl(parts.deps);
    expect(second).toMatchObject({ status: "succeeded", objectsLoaded: 0, eventsLoaded: 0 });
    expect(await count("fact_event")).toBe(3);
    expect(await count("etl_object_manifest")).toBe(2);
    const runs = await parts.sql.query("SELECT status, objects_loaded, events_loaded FROM etl_run ORDER BY run_id");
    expect(runs.rows).toEqual([
      { status: "succeeded", objects_loaded: 2, events_loaded: 3 },
      { status: "succeeded", objects_loaded: 0, events_loaded: 0 },
    ]);
  });

  it("drops an event sent twice (a tracker retry) and counts it as a duplicate", async () => {
    const view = productView();
    await put([view]);
    await put([view, pageView()]);
    const result = await runEtl(parts.deps);
    expect(result).toMatchObject({ eventsLoaded: 2, duplicates: 1 });
    expect(await count("fact_event")).toBe(2);
  });

  it("keeps the catalog's latest product facts whatever order they were loaded in", async () => {
    const later = { ...productUpdated({ ...sampleProduct, name: "New name", price_cents: 100 }, 3), occurred_at: "2026-11-02T10:00:00.000Z" };
    const earlier = { ...productUpdated(sampleProduct, 9), occurred_at: "2026-11-01T10:00:00.000Z" };
    await putTrusted([later]);
    await runEtl(parts.deps);
    await putTrusted([earlier]);
    await runEtl(parts.deps);
    const product = await parts.sql.query("SELECT name, price_cents, stock, first_seen_at, last_seen_at FROM dim_product");
    expect(product.rows).toEqual([
      { name: "New name", price_cents: 100, stock: 3, first_seen_at: new Date(earlier.occurred_at), last_seen_at: new Date(later.occurred_at) },
    ]);
  });

  it("breaks a tie of the catalog's events by event id, whichever loads first", async () => {
    const at = "2026-11-03T10:00:00.000Z";
    const low = { ...productUpdated({ ...sampleProduct, name: "Low" }, 1), event_id: "0193b000-0000-7000-8000-000000000001", occurred_at: at };
    const high = { ...productUpdated({ ...sampleProduct, name: "High" }, 2), event_id: "0193b000-0000-7000-8000-000000000002", occurred_at: at };
    await putTrusted([high]);
    await runEtl(parts.deps);
    await putTrusted([low]);
    await runEtl(parts.deps);
    expect((await parts.sql.query("SELECT name, last_event_id FROM dim_product")).rows).toEqual([{ name: "High", last_event_id: high.event_id }]);
  });

  it("never lets a browser define a product: product views and unsigned catalog events leave dim_product alone", async () => {
    await put([productView({ ...sampleProduct, name: "Forged", price_cents: 1 }), productUpdated({ ...sampleProduct, name: "Forged too" })]);
    await runEtl(parts.deps);
    expect(await count("fact_event")).toBe(2);
    expect(await count("dim_product")).toBe(0);
  });

  it("reads lines the version 1 ingest wrote beside version 2 ones", async () => {
    const old = pageViewV1();
    const receivedAt = new Date();
    const v1Line = { schema_version: 1, received_at: receivedAt.toISOString(), sent_at: old.occurred_at, user_agent: "UA", event: { ...old, user_id: "claimed" } };
    await parts.deps.s3.send(new PutObjectCommand({ Bucket: parts.deps.bucket, Key: lakeObjectKey("raw", receivedAt), Body: toNdjsonGzip([v1Line, rawRecord(pageView())]) }));
    expect(await runEtl(parts.deps)).toMatchObject({ eventsLoaded: 2, rejected: 0 });
    const row = await parts.sql.query("SELECT event_version, user_id, derived_at, seq FROM fact_event WHERE event_id = $1", [old.event_id]);
    // A version 1 body's user_id was whatever the browser claimed: never believed.
    expect(row.rows).toEqual([{ event_version: 1, user_id: null, derived_at: new Date(old.occurred_at), seq: null }]);
  });

  it("quarantines a corrupt object and sets bad lines aside without blocking the rest", async () => {
    const corruptKey = lakeObjectKey("raw", new Date());
    await parts.deps.s3.send(new PutObjectCommand({ Bucket: parts.deps.bucket, Key: corruptKey, Body: toNdjsonGzip([rawRecord(pageView())]).subarray(0, 20) }));
    const mixedKey = lakeObjectKey("raw", new Date());
    const body = Buffer.concat([toNdjsonGzip([rawRecord(pageView()), { not: "a record" }])]);
    await parts.deps.s3.send(new PutObjectCommand({ Bucket: parts.deps.bucket, Key: mixedKey, Body: body }));
    await put([pageView()]);

    const result = await runEtl(parts.deps);
    expect(result).toMatchObject({ objectsLoaded: 2, objectsQuarantined: 1, eventsLoaded: 2, rejected: 1 });
    const manifest = await parts.sql.query("SELECT status, error FROM etl_object_manifest WHERE object_key = $1", [corruptKey]);
    expect(manifest.rows[0]).toMatchObject({ status: "quarantined", error: expect.stringMatching(/gzip/) });
    const rejected = await parts.sql.query("SELECT object_key, line_number FROM etl_rejected_line");
    expect(rejected.rows).toEqual([{ object_key: mixedKey, line_number: 2 }]);
  });

  it("leaves the warehouse as it was when a run fails, and the next run finishes the job", async () => {
    await put([pageView(), pageView()]);
    const failingKey = await putTrusted([productUpdated()]);
    await parts.sql.query(`
      CREATE FUNCTION fail_on_key() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.object_key = '${failingKey}' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER fail_on_key BEFORE INSERT ON etl_object_manifest FOR EACH ROW EXECUTE FUNCTION fail_on_key();`);
    try {
      await expect(runEtl(parts.deps)).rejects.toThrow(/injected failure/);
    } finally {
      await parts.sql.query("DROP TRIGGER fail_on_key ON etl_object_manifest; DROP FUNCTION fail_on_key();");
    }
    expect(await count("fact_event")).toBe(0);
    expect(await count("etl_object_manifest")).toBe(0);
    expect(await count("dim_product")).toBe(0);
    const failed = await parts.sql.query("SELECT status, error FROM etl_run");
    expect(failed.rows).toEqual([{ status: "failed", error: expect.stringMatching(/injected failure/) }]);

    expect(await runEtl(parts.deps)).toMatchObject({ status: "succeeded", objectsLoaded: 2, eventsLoaded: 3 });
    expect(await count("fact_event")).toBe(3);
    expect(await count("dim_product")).toBe(1);
  });

  it("marks a run that died as abandoned when the next one starts, and that run finishes the job", async () => {
    await put([pageView(), productView()]);
    // The run stalls inside its transaction; then its connection is killed, as when the Lambda
    // or the process running it dies: nothing is left to record how it ended.
    await parts.sql.query(`
      CREATE FUNCTION stall() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(60); RETURN NEW; END $$;
      CREATE TRIGGER stall BEFORE INSERT ON etl_object_manifest FOR EACH ROW EXECUTE FUNCTION stall();`);
    try {
      const dying = runEtl(parts.deps);
      let pid: number | undefined;
      for (let tries = 0; pid === undefined && tries < 500; tries += 1) {
        const sleeping = await parts.sql.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE wait_event = 'PgSleep'");
        pid = sleeping.rows[0]?.pid;
        if (pid === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(pid).toBeDefined();
      await parts.sql.query("SELECT pg_terminate_backend($1)", [pid]);
      await expect(dying).rejects.toThrow();
    } finally {
      await parts.sql.query("DROP TRIGGER stall ON etl_object_manifest; DROP FUNCTION stall();");
    }
    const left = await parts.sql.query("SELECT run_id, status FROM etl_run");
    expect(left.rows).toEqual([{ run_id: expect.any(String), status: "running" }]);
    expect(await count("fact_event")).toBe(0);

    expect(await runEtl(parts.deps)).toMatchObject({ status: "succeeded", objectsLoaded: 1, eventsLoaded: 2 });
    const runs = await parts.sql.query("SELECT run_id, status, finished_at IS NOT NULL AS finished, error FROM etl_run ORDER BY run_id");
    expect(runs.rows).toEqual([
      { run_id: left.rows[0].run_id, status: "abandoned", finished: true, error: expect.stringMatching(/died/) },
      { run_id: expect.any(String), status: "succeeded", finished: true, error: null },
    ]);
  });

  it("lets only one of two overlapping runs work: a run that finds the lock taken skips", async () => {
    await put([pageView()]);
    // Another run holds the lock (two runs racing with Promise.all would not always overlap: the
    // first can finish before the second asks).
    const other = await parts.sql.connect();
    try {
      await other.query("SELECT pg_advisory_lock($1)", [ETL_LOCK_KEY]);
      expect(await runEtl(parts.deps)).toMatchObject({ status: "skipped", eventsLoaded: 0 });
      expect(await count("fact_event")).toBe(0);
    } finally {
      await other.query("SELECT pg_advisory_unlock($1)", [ETL_LOCK_KEY]);
      other.release();
    }
    expect(await runEtl(parts.deps)).toMatchObject({ status: "succeeded", eventsLoaded: 1 });
  });

  it("closes a pass at its byte budget: one object bigger than the budget still goes, alone", async () => {
    const big = Array.from({ length: 40 }, () => pageView());
    await put(big);
    await put([pageView()]);
    await put([pageView()]);
    const result = await runEtl({ ...parts.deps, maxBytesPerPass: 1 });
    expect(result).toMatchObject({ passes: 3, objectsLoaded: 3, eventsLoaded: 42 });
    expect(await runEtl({ ...parts.deps, maxBytesPerPass: 1 })).toMatchObject({ passes: 0, eventsLoaded: 0 });
  });

  it("pages through more than 1000 objects and works a backlog off in bounded passes, stopping when its time is up", async () => {
    const client = createS3Client({ endpoint: parts.s3.endpoint });
    const receivedAt = new Date();
    const keys = Array.from({ length: 1_005 }, () => lakeObjectKey("raw", receivedAt));
    const body = toNdjsonGzip([rawRecord(pageView())]);
    for (let i = 0; i < keys.length; i += 25) {
      await Promise.all(keys.slice(i, i + 25).map((Key) => client.send(new PutObjectCommand({ Bucket: parts.deps.bucket, Key, Body: body }))));
    }
    // No time left after the first pass: the run stops and says work is waiting, from the 401st key on.
    expect(await runEtl({ ...parts.deps, maxObjectsPerPass: 400, timeBudgetMs: 0 })).toMatchObject({
      passes: 1, objectsLoaded: 400, backlog: true, oldestWaitingKey: [...keys].sort()[400],
    });
    expect(await runEtl({ ...parts.deps, maxObjectsPerPass: 400 })).toMatchObject({ passes: 2, objectsLoaded: 605, backlog: false, oldestWaitingKey: null });
    // All copies carry one event id: the rest are duplicates.
    expect(await count("fact_event")).toBe(1);
    expect(await count("etl_object_manifest")).toBe(1_005);
  });
});
