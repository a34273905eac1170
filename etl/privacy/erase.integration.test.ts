import { v7 as uuidv7 } from "uuid";
import { describe, expect, it } from "vitest";
import type { TrackedEvent } from "../../lib/tracking/schema.ts";
import { pageView, purchase, sampleProduct, visitorEvent } from "../../lib/tracking/testing/event-factory.ts";
import { runEtl } from "../run-etl.ts";
import { etlTestParts } from "../testing/etl-test-parts.ts";
import { ETL_LOCK_KEY } from "../warehouse-queries.ts";
import { erase } from "./erase.ts";
import { EtlBusyError } from "./etl-lock.ts";
import { idHash } from "./subject.ts";
import { browserLine, lakeTexts, serverLine, withoutPerson, writeObjects, type LakeObject, type Line } from "./testing/lake-traffic.ts";

// Erasure against a real warehouse and a real s3rver lake, fed through the real ETL.
const parts = etlTestParts("erase-test");

const DAY = "2026-11-20";
const at = (time: string) => `${DAY}T${time}Z`;
const HOUR_12 = new Date(at("12:10:00.000"));
const HOUR_13 = new Date(at("13:05:00.000"));

// The person erased: user X on a laptop (A1), a phone (A2) and a tablet (A3, only in the lake).
const X = "user-erased-7f3a";
const A1 = "0b5f1c4e-3a2d-4e6f-8a9b-0c1d2e3f4a5b";
const A2 = "1c6a2d5f-4b3e-4f70-9bac-1d2e3f4a5b6c";
const A3 = "2d7b3e60-5c4f-4081-8cbd-2e3f4a5b6c7d";
const PERSON = [X, A1, A2, A3];
// Everyone else: user Y (B1), who also buys, and a visitor who never signs in (C).
const Y = "user-kept-91c2";
const B1 = "3e8c4f71-6d50-4192-9dce-3f4a5b6c7d8e";
const C = "4f9d5082-7e61-42a3-8edf-4a5b6c7d8e9f";

const page = (path: string) => ({ url: `https://shop.example${path}`, path, referrer: null, title: path });
const view = (anonymous_id: string, session_id: string, time: string, path = "/") =>
  pageView({ anonymous_id, session_id, occurred_at: at(time), page: page(path), context: { logged_in: false, first_visit: false } });
const bought = (anonymous_id: string, session_id: string, user_id: string, time: string, quantity: number): TrackedEvent => ({
  ...purchase(sampleProduct, quantity, 500), anonymous_id, session_id, user_id, occurred_at: at(time),
});

interface Traffic {
  /** Objects the ETL loads before the erasure. */
  loaded: LakeObject[];
  /** Objects written, not yet loaded, when the erasure runs. */
  inFlight: LakeObject[];
  personPurchase: TrackedEvent;
}

/** A day of traffic with the person in every corner of the lake; fresh ids on every call. */
function traffic(): Traffic {
  const [sA1, sA2, sA3, sB1, sC] = [uuidv7(), uuidv7(), uuidv7(), uuidv7(), uuidv7()];
  const firstView = view(A1, sA1, "10:00:00.000");
  const personPurchase = bought(A1, sA1, X, "10:03:00.000", 1);
  const bogus = { ...view(A1, sA1, "10:02:30.000"), event_name: "bogus" } as unknown as TrackedEvent;
  const rejectedRecord = (payload: unknown, person: boolean): Line => ({
    record: { schema_version: 2, received_at: HOUR_12.toISOString(), index: 0, reason: "unknown event_name", payload }, kind: "rejected", person,
  });
  const loaded: LakeObject[] = [
    {
      area: "raw",
      receivedAt: HOUR_12,
      lines: [
        browserLine(firstView, HOUR_12, null, true),
        browserLine(view(A1, sA1, "10:01:00.000", "/products/x"), HOUR_12, X, true),
        browserLine(visitorEvent("add_to_cart", { ...sampleProduct, quantity: 1 }, { anonymous_id: A1, session_id: sA1, occurred_at: at("10:02:00.000") }), HOUR_12, X, true),
        browserLine(bogus, HOUR_12, X, true, "invalid"),
        serverLine(personPurchase, HOUR_12, true),
        browserLine(view(B1, sB1, "10:00:00.000"), HOUR_12, Y, false),
        serverLine(bought(B1, sB1, Y, "10:05:00.000", 2), HOUR_12, false),
        browserLine(view(C, sC, "11:00:00.000"), HOUR_12, null, false),
        browserLine(view(C, sC, "11:00:20.000", "/deals"), HOUR_12, null, false),
        browserLine({ ...view(C, sC, "11:00:30.000"), event_name: "bogus" } as unknown as TrackedEvent, HOUR_12, null, false, "invalid"),
      ],
    },
    // The phone, alone in an object: the object goes.
    { area: "raw", receivedAt: HOUR_12, lines: [browserLine(view(A2, sA2, "10:30:00.000"), HOUR_12, X, true), browserLine(view(A2, sA2, "10:31:00.000"), HOUR_12, null, true)] },
    // A tracker's retry of the first view, an hour later: loaded as a duplicate, so no fact_event row names this object.
    { area: "raw", receivedAt: HOUR_13, lines: [browserLine(firstView, HOUR_13, null, true, "duplicate"), browserLine(view(C, sC, "11:10:00.000"), HOUR_13, null, false)] },
    { area: "rejected", receivedAt: HOUR_12, lines: [rejectedRecord({ event_name: "bogus", anonymous_id: A1 }, true), rejectedRecord({ event_name: "bogus", anonymous_id: C }, false)] },
  ];
  const inFlight: LakeObject[] = [
    {
      area: "raw",
      receivedAt: HOUR_13,
      lines: [
        // A tablet seen signed in as X only here: erased because of that line.
        browserLine(view(A3, sA3, "11:30:00.000"), HOUR_13, null, true),
        browserLine(view(A3, sA3, "11:31:00.000"), HOUR_13, X, true),
        browserLine(view(A2, sA2, "11:40:00.000"), HOUR_13, null, true),
        browserLine(view(C, sC, "11:50:00.000"), HOUR_13, null, false),
      ],
    },
  ];
  return { loaded, inFlight, personPurchase };
}

/** Rows of warehouse tables, and lake objects, whose text contains any of the ids. */
async function warehouseMentions(ids: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const table of ["fact_event", "fact_session", "identity_map", "etl_rejected_line", "fact_order_line", "privacy_action", "erased_subject"]) {
    const rows = await parts.sql.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM ${table} t`);
    found.push(...rows.rows.filter(({ row }) => ids.some((id) => row.includes(id))).map(({ row }) => `${table}: ${row}`));
  }
  return found;
}

async function lakeMentions(ids: readonly string[]): Promise<string[]> {
  const texts = await lakeTexts(parts.deps);
  return [...texts].filter(([, text]) => ids.some((id) => text.includes(id))).map(([key]) => key);
}

/** What the dashboards and the model show, compared between warehouses (lineage left out). */
async function model(): Promise<{ kpi: unknown[]; sessions: string[]; events: string[]; identities: string[]; visitorWeeks: string[] }> {
  const rows = async (sql: string) => (await parts.sql.query<{ row: string }>(sql)).rows.map((r) => r.row).sort();
  return {
    kpi: (await parts.sql.query("SELECT day::text, login_state, sessions, users, page_views, bounced_sessions, engaged_sessions, converted_sessions, orders, revenue_cents::int AS revenue FROM agg_daily_kpi ORDER BY day, login_state")).rows,
    sessions: await rows("SELECT to_jsonb(t)::text AS row FROM fact_session t"),
    events: await rows("SELECT (to_jsonb(t) - 'object_key')::text AS row FROM fact_event t"),
    identities: await rows("SELECT to_jsonb(t)::text AS row FROM identity_map t"),
    visitorWeeks: await rows("SELECT to_jsonb(t)::text AS row FROM visitor_week t"),
  };
}

async function loadThenErase(data: Traffic) {
  await writeObjects(parts.deps, data.loaded);
  expect(await runEtl(parts.deps)).toMatchObject({ status: "succeeded" });
  await writeObjects(parts.deps, data.inFlight);
  const before = async (sql: string) => Number((await parts.sql.query<{ n: string }>(sql, [[A1, A2, A3], [X]])).rows[0]?.n);
  const had = {
    events: await before("SELECT count(*) AS n FROM fact_event WHERE (anonymous_id = ANY($1::uuid[]) OR user_id = ANY($2)) AND event_name <> 'purchase'"),
    sessions: await before("SELECT count(*) AS n FROM fact_session WHERE anonymous_id = ANY($1::uuid[]) OR user_id = ANY($2)"),
    links: await before("SELECT count(*) AS n FROM identity_map WHERE anonymous_id = ANY($1::uuid[]) OR user_id = ANY($2)"),
  };
  // The person is really there, so the searches below can fail.
  expect(await warehouseMentions(PERSON)).not.toEqual([]);
  expect((await lakeMentions(PERSON)).length).toBe(data.loaded.length + data.inFlight.length);
  return { had, result: await erase(parts.deps, { kind: "user", id: X }) };
}

describe("erasure", () => {
  it("removes a user from the warehouse and every lake object, and leaves the warehouse as one that never saw them but for their kept orders", async () => {
    const data = traffic();
    const { had, result } = await loadThenErase(data);
    await runEtl(parts.deps);

    expect(await warehouseMentions(PERSON)).toEqual([]);
    expect(await lakeMentions(PERSON)).toEqual([]);

    const all = [...data.loaded, ...data.inFlight];
    const personLines = all.flatMap((object) => object.lines.filter((line) => line.person));
    const loadedPersonLines = data.loaded.filter((object) => object.area === "raw").flatMap((object) => object.lines.filter((line) => line.person));
    expect(result.linkedVisitors).toBe(3);
    // s3rver keeps no versions and answers the versioning query with no status, as an unversioned bucket does.
    expect(result.versioning).toBe("never enabled");
    expect(result.counts).toMatchObject({
      events_deleted: had.events,
      events_pseudonymized: loadedPersonLines.filter((line) => line.kind === "purchase").length,
      sessions_deleted: had.sessions,
      identity_links_deleted: had.links,
      order_lines_pseudonymized: 1,
      rejected_lines_deleted: loadedPersonLines.filter((line) => line.kind === "invalid").length,
      lines_removed: personLines.length,
      objects_deleted: all.filter((object) => object.lines.every((line) => line.person)).length,
      objects_rewritten: all.filter((object) => object.lines.some((line) => line.person) && object.lines.some((line) => !line.person)).length,
      versions_deleted: 0,
    });
    expect(had.sessions).toBeGreaterThan(0);
    expect(had.links).toBe(2);

    const log = await parts.sql.query("SELECT action, subject_kind, subject_hash, status, error, events_deleted, lines_removed FROM privacy_action");
    expect(log.rows).toEqual([
      { action: "erase", subject_kind: "user", subject_hash: idHash(X), status: "succeeded", error: null, events_deleted: had.events, lines_removed: personLines.length },
    ]);
    const suppressed = await parts.sql.query("SELECT id_kind, id_hash FROM erased_subject ORDER BY id_kind, id_hash");
    expect(suppressed.rows).toEqual(
      [{ id_kind: "anonymous", id_hash: idHash(A1) }, { id_kind: "anonymous", id_hash: idHash(A2) }, { id_kind: "anonymous", id_hash: idHash(A3) }, { id_kind: "user", id_hash: idHash(X) }]
        .sort((a, b) => a.id_kind.localeCompare(b.id_kind) || a.id_hash.localeCompare(b.id_hash)),
    );

    // Their order stays, without them; the totals still add up.
    const orders = await parts.sql.query("SELECT user_id, anonymous_id, session_id, line_revenue_cents::int AS revenue FROM fact_order_line ORDER BY revenue");
    expect(orders.rows).toEqual([
      { user_id: null, anonymous_id: null, session_id: null, revenue: sampleProduct.price_cents },
      { user_id: Y, anonymous_id: B1, session_id: expect.any(String), revenue: sampleProduct.price_cents * 2 },
    ]);
    const kept = await parts.sql.query("SELECT anonymous_id, user_id, user_agent, page_url FROM fact_event WHERE event_id = $1", [data.personPurchase.event_id]);
    expect(kept.rows).toEqual([{ anonymous_id: null, user_id: null, user_agent: null, page_url: null }]);
    const erased = await model();

    // The same traffic into a warehouse and lake that never saw the person.
    await parts.reset();
    await writeObjects(parts.deps, withoutPerson(data.loaded));
    await runEtl(parts.deps);
    await writeObjects(parts.deps, withoutPerson(data.inFlight));
    await runEtl(parts.deps);
    const neverSaw = await model();
    expect(neverSaw.kpi.length).toBeGreaterThan(0);
    expect(erased.sessions).toEqual(neverSaw.sessions);
    expect(erased.identities).toEqual(neverSaw.identities);
    expect(erased.visitorWeeks).toEqual(neverSaw.visitorWeeks);
    expect(erased.events.filter((row) => !row.includes(data.personPurchase.event_id))).toEqual(neverSaw.events);
    // Orders and revenue count the kept order, now nobody's (an anonymous order); everything
    // about visits is as if they never came.
    const revenue = sampleProduct.price_cents + 500;
    expect(erased.kpi).toEqual(
      (neverSaw.kpi as Array<{ login_state: string; orders: number; revenue: number }>).map((day) =>
        day.login_state === "signed_in" ? day : { ...day, orders: day.orders + 1, revenue: day.revenue + revenue },
      ),
    );
  });

  it("is harmless to run again: the second run finds nothing", async () => {
    const data = traffic();
    await loadThenErase(data);
    const again = await erase(parts.deps, { kind: "user", id: X });
    expect(again.counts).toMatchObject({
      events_deleted: 0, events_pseudonymized: 0, sessions_deleted: 0, identity_links_deleted: 0, order_lines_pseudonymized: 0,
      rejected_lines_deleted: 0, objects_rewritten: 0, objects_deleted: 0, lines_removed: 0,
    });
    const log = await parts.sql.query("SELECT status FROM privacy_action ORDER BY action_id");
    expect(log.rows).toEqual([{ status: "succeeded" }, { status: "succeeded" }]);
  });

  it("keeps an erased person out of later loads: events sent after the erasure, and a backfill of every object", async () => {
    const data = traffic();
    await loadThenErase(data);
    await runEtl(parts.deps);
    const erased = await model();

    // After the erasure the person's ids come back: the laptop's tracker, a signed-in view, an order.
    const later = new Date(at("14:05:00.000"));
    const s = uuidv7();
    const [lateKey] = await writeObjects(parts.deps, [{
      area: "raw",
      receivedAt: later,
      lines: [
        browserLine(view(A1, s, "14:00:00.000"), later, null, true),
        browserLine(view(A2, s, "14:00:10.000"), later, null, true),
        browserLine(view("5a0e6193-8f72-43b4-9ef0-5b6c7d8e9fa0", s, "14:00:20.000"), later, X, true),
        serverLine(bought(A1, s, X, "14:01:00.000", 3), later, true),
        browserLine(view(C, uuidv7(), "14:02:00.000"), later, null, false),
      ],
    }]);
    expect(await runEtl(parts.deps)).toMatchObject({ status: "succeeded", eventsLoaded: 1 });
    expect(await warehouseMentions(PERSON)).toEqual([]);

    // A backfill: the ETL forgets every object and loads the whole lake again.
    await parts.sql.query("DELETE FROM etl_object_manifest");
    expect(await runEtl(parts.deps)).toMatchObject({ status: "succeeded", eventsLoaded: 0 });
    expect(await warehouseMentions(PERSON)).toEqual([]);
    const rebuilt = await model();
    expect(rebuilt.sessions.filter((row) => !row.includes("14:02:00"))).toEqual(erased.sessions);
    expect(rebuilt.events.filter((row) => !row.includes("14:02:00"))).toEqual(erased.events);

    // The ETL listed the object that brought them back; erasing the person again cleans it.
    expect(await lakeMentions(PERSON)).toEqual([lateKey]);
    const again = await erase(parts.deps, { kind: "user", id: X });
    expect(again.counts).toMatchObject({ objects_rewritten: 1, lines_removed: 4, events_deleted: 0 });
    expect(await lakeMentions(PERSON)).toEqual([]);
  });

  it("erases one anonymous visitor, not the other devices of the user they signed in as", async () => {
    const data = traffic();
    await writeObjects(parts.deps, data.loaded);
    await runEtl(parts.deps);
    const result = await erase(parts.deps, { kind: "anonymous", id: A2 });
    expect(result.linkedVisitors).toBe(0);
    expect(await warehouseMentions([A2])).toEqual([]);
    expect(await lakeMentions([A2])).toEqual([]);
    const visitors = await parts.sql.query("SELECT DISTINCT anonymous_id FROM fact_event WHERE user_id = $1", [X]);
    expect(visitors.rows).toEqual([{ anonymous_id: A1 }]);
    expect((await parts.sql.query("SELECT anonymous_id FROM identity_map WHERE user_id = $1", [X])).rows).toEqual([{ anonymous_id: A1 }]);
  });

  it("waits for a running ETL to release its lock, and fails without changing anything when it waits too long", async () => {
    const data = traffic();
    await writeObjects(parts.deps, data.loaded);
    await runEtl(parts.deps);
    const events = async () => Number((await parts.sql.query<{ n: string }>("SELECT count(*) AS n FROM fact_event")).rows[0]?.n);
    const eventsBefore = await events();

    const etl = await parts.sql.connect();
    try {
      await etl.query("SELECT pg_advisory_lock($1)", [ETL_LOCK_KEY]);
      await expect(erase({ ...parts.deps, lockWaitMs: 200 }, { kind: "user", id: X })).rejects.toBeInstanceOf(EtlBusyError);
      expect(await events()).toBe(eventsBefore);
      const refused = await parts.sql.query("SELECT status, error, subject_hash FROM privacy_action");
      expect(refused.rows).toEqual([{ status: "failed", error: expect.stringMatching(/ETL held its lock/), subject_hash: idHash(X) }]);

      const waiting = erase({ ...parts.deps, lockWaitMs: 60_000 }, { kind: "user", id: X });
      // Release only once the erasure is seen queued behind the lock.
      for (;;) {
        const queued = await parts.sql.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
        if (queued.rows.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await events()).toBe(eventsBefore);
      await etl.query("SELECT pg_advisory_unlock($1)", [ETL_LOCK_KEY]);
      expect((await waiting).counts.events_deleted).toBeGreaterThan(0);
    } finally {
      await etl.query("SELECT pg_advisory_unlock_all()");
      etl.release();
    }
    expect(await warehouseMentions(PERSON)).toEqual([]);
  });
});
