import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeLakeObject } from "../../ingest/lake-writer.ts";
import type { Geo, TrackedEvent } from "../../lib/tracking/schema.ts";
import { pageView, productUpdated, purchase, rawRecord, sampleProduct, visitorEvent } from "../../lib/tracking/testing/event-factory.ts";
import { runEtl } from "../run-etl.ts";
import { etlTestParts } from "../testing/etl-test-parts.ts";
import { tableSnapshot } from "../testing/table-snapshot.ts";
import { dayOfShopping } from "../testing/shopping-day.ts";

// The model (etl/model/*.sql) against a real warehouse, fed through the real ETL from s3rver.
const parts = etlTestParts("model-test");

const MODEL_TABLES = [
  "fact_event", "fact_event_key", "fact_session", "fact_order_line", "dim_product", "dim_device", "dim_date", "identity_map",
  "agg_daily_kpi", "agg_product_daily", "agg_search_daily", "agg_funnel_daily", "agg_checkout_daily", "agg_channel_daily",
  "agg_page_path_daily", "agg_event_daily", "visitor_week", "agg_geo_daily", "dim_geography",
] as const;

const BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
const SERVER = "node";
const DAY = "2026-11-20";
const at = (time: string) => `${DAY}T${time}Z`;

interface Sent {
  event: TrackedEvent;
  userAgent: string;
  trusted: boolean;
  geo?: Geo | null;
}

/** A day of a small shop: a buyer with a second, later session; a one-page visitor; a crawler. */
function dayOfTraffic(): Sent[] {
  const buyer = { anonymous_id: "0b5f1c4e-3a2d-4e6f-8a9b-0c1d2e3f4a5b", session_id: "019ab000-0000-7000-8000-000000000001" };
  const browser = (event: TrackedEvent): Sent => ({ event, userAgent: BROWSER, trusted: false });
  const page = (path: string, referrer: string | null) => ({ url: `https://shop.example${path}`, path, referrer, title: path });
  const order = { ...purchase(sampleProduct, 2, 500), ...buyer, user_id: "user-1", occurred_at: at("10:03:00.000") };
  const visitor = { anonymous_id: "1c6a2d5f-4b3e-4f70-9bac-1d2e3f4a5b6c", session_id: "019ab000-0000-7000-8000-000000000002" };
  const crawler = { anonymous_id: "2d7b3e60-5c4f-4081-8cbd-2e3f4a5b6c7d", session_id: "019ab000-0000-7000-8000-000000000003" };
  return [
    browser(pageView({ ...buyer, occurred_at: at("10:00:00.000"), page: page("/", "https://www.google.com/") })),
    browser(pageView({ ...buyer, occurred_at: at("10:00:20.000"), page: page("/products/x", "https://shop.example/") })),
    browser(visitorEvent("add_to_cart", { ...sampleProduct, quantity: 2 }, { ...buyer, occurred_at: at("10:00:40.000"), page: page("/products/x", null) })),
    browser(visitorEvent("engagement", { visible_ms: 9_000, focused_ms: 4_000, max_scroll_pct: 50 }, { ...buyer, occurred_at: at("10:01:00.000"), page: page("/products/x", null) })),
    { event: order, userAgent: SERVER, trusted: true },
    // 41 minutes later, same tracker session id: the warehouse still cuts a new session.
    browser(pageView({ ...buyer, occurred_at: at("10:44:00.000"), page: page("/deals", null) })),
    browser(pageView({ ...visitor, occurred_at: at("11:00:00.000"), page: page("/", null) })),
    { event: pageView({ ...crawler, occurred_at: at("12:00:00.000"), page: page("/", null) }), userAgent: GOOGLEBOT, trusted: false },
    { event: pageView({ ...crawler, occurred_at: at("12:00:05.000"), page: page("/deals", null) }), userAgent: GOOGLEBOT, trusted: false },
    { event: { ...productUpdated(sampleProduct, 4), occurred_at: at("09:00:00.000") }, userAgent: SERVER, trusted: true },
  ];
}

const receivedAt = new Date();
const recordOf = ({ event, userAgent, trusted, geo }: Sent) => ({ ...rawRecord(event, receivedAt, trusted), user_agent: userAgent, geo: geo ?? null });

async function load(objects: readonly Sent[][]): Promise<void> {
  for (const events of objects) await writeLakeObject(parts.deps.s3, parts.deps.bucket, "raw", receivedAt, events.map(recordOf));
}

/** Every model table, as sorted JSON; fact_event without its lineage (which object it came from). */
const snapshot = () => tableSnapshot(parts.sql, MODEL_TABLES, ["object_key"]);

describe("the model", () => {
  it("cuts sessions and measures each one by the written definitions", async () => {
    await load([dayOfTraffic()]);
    expect(await runEtl(parts.deps)).toMatchObject({ status: "succeeded", eventsLoaded: 10, checksFailed: [] });
    const sessions = await parts.sql.query(`
      SELECT user_id, signed_in, started_at, page_views, events, entry_page, exit_page, landing_referrer, channel, device_type, is_bot,
             bounced, engaged, converted, orders, revenue_cents::int AS revenue, engaged_time_s, duration_s
      FROM fact_session ORDER BY started_at`);
    const revenue = sampleProduct.price_cents * 2 + 500;
    expect(sessions.rows).toEqual([
      {
        user_id: "user-1", signed_in: true, started_at: new Date(at("10:00:00.000")), page_views: 2, events: 5, entry_page: "/", exit_page: "/products/x",
        landing_referrer: "https://www.google.com/", channel: "organic_search", device_type: "desktop", is_bot: false,
        bounced: false, engaged: true, converted: true, orders: 1, revenue, engaged_time_s: 4, duration_s: 180,
      },
      // The buyer's next visit: one page, nothing else. Their user comes from the identity map, but
      // nothing in it was signed in.
      {
        user_id: "user-1", signed_in: false, started_at: new Date(at("10:44:00.000")), page_views: 1, events: 1, entry_page: "/deals", exit_page: "/deals",
        landing_referrer: null, channel: "direct", device_type: "desktop", is_bot: false,
        bounced: true, engaged: false, converted: false, orders: 0, revenue: 0, engaged_time_s: 0, duration_s: 0,
      },
      {
        user_id: null, signed_in: false, started_at: new Date(at("11:00:00.000")), page_views: 1, events: 1, entry_page: "/", exit_page: "/",
        landing_referrer: null, channel: "direct", device_type: "desktop", is_bot: false,
        bounced: true, engaged: false, converted: false, orders: 0, revenue: 0, engaged_time_s: 0, duration_s: 0,
      },
      {
        user_id: null, signed_in: false, started_at: new Date(at("12:00:00.000")), page_views: 2, events: 2, entry_page: "/", exit_page: "/deals",
        landing_referrer: null, channel: "direct", device_type: "bot", is_bot: true,
        bounced: false, engaged: true, converted: false, orders: 0, revenue: 0, engaged_time_s: 0, duration_s: 5,
      },
    ]);

    const kpi = await parts.sql.query("SELECT day::text, sessions, users, page_views, bounced_sessions, engaged_sessions, converted_sessions, orders, revenue_cents::int AS revenue FROM agg_daily_kpi WHERE login_state = '(all)'");
    // The crawler is kept in the facts but counts nowhere.
    expect(kpi.rows).toEqual([
      { day: DAY, sessions: 3, users: 2, page_views: 4, bounced_sessions: 2, engaged_sessions: 1, converted_sessions: 1, orders: 1, revenue },
    ]);
    const lines = await parts.sql.query("SELECT line_number, product_id, quantity, unit_price_cents, line_revenue_cents::int AS total, user_id FROM fact_order_line");
    expect(lines.rows).toEqual([
      { line_number: 1, product_id: sampleProduct.product_id, quantity: 2, unit_price_cents: sampleProduct.price_cents, total: sampleProduct.price_cents * 2, user_id: "user-1" },
    ]);
    const devices = await parts.sql.query("SELECT browser_name, os_name, device_type, is_bot FROM dim_device ORDER BY is_bot");
    expect(devices.rows).toEqual([
      { browser_name: "Chrome", os_name: "Windows", device_type: "desktop", is_bot: false },
      expect.objectContaining({ device_type: "bot", is_bot: true }),
    ]);
    expect((await parts.sql.query("SELECT iso_weekday, is_weekend FROM dim_date")).rows).toEqual([{ iso_weekday: 5, is_weekend: false }]);
    expect((await parts.sql.query("SELECT stock FROM dim_product")).rows).toEqual([{ stock: 4 }]);
  });

  it("gives the same warehouse whether the events come at once or split over runs, shuffled, duplicated and late", async () => {
    // Two days: searches, lists, a funnel, an abandoned checkout and lost events feed every aggregate.
    const traffic = [...dayOfTraffic(), ...dayOfShopping()];
    await load([traffic]);
    await runEtl(parts.deps);
    const once = await snapshot();
    expect(once["fact_session"]).toHaveLength(4 + 3);
    for (const table of MODEL_TABLES) expect(once[table], table).not.toHaveLength(0);

    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(traffic.length - 1), fc.nat(3), fc.nat(2)), { minLength: traffic.length, maxLength: traffic.length * 2 }),
        async (placements) => {
          await parts.reset();
          // Every event lands in some object of some run; some land twice (a retry).
          const runs: Sent[][][] = [[], [], []];
          const placed = new Set<number>();
          for (const [index, object, run] of placements) {
            (runs[run]![object] ??= []).push(traffic[index]!);
            placed.add(index);
          }
          traffic.forEach((sent, index) => {
            if (!placed.has(index)) (runs[2]![0] ??= []).push(sent);
          });
          for (const objects of runs) {
            await load(objects.filter((events) => events !== undefined && events.length > 0));
            expect((await runEtl(parts.deps)).checksFailed).toEqual([]);
          }
          expect(await snapshot()).toEqual(once);
        },
      ),
      { numRuns: 8 },
    );
  });
});
