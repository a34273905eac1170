import { describe, expect, it } from "vitest";
import { writeLakeObject } from "../../ingest/lake-writer.ts";
import { rawRecord } from "../../lib/tracking/testing/event-factory.ts";
import { rebuildWarehouse } from "../rebuild-warehouse.ts";
import { runEtl } from "../run-etl.ts";
import { ETL_LOCK_KEY } from "../warehouse-queries.ts";
import { etlTestParts } from "../testing/etl-test-parts.ts";
import { tableSnapshot } from "../testing/table-snapshot.ts";
import { at, browser, dayOfShopping, DESKTOP, gpu, items, lakeRecord, laptop, SHOPPING_DAY } from "../testing/shopping-day.ts";

// The daily aggregates the dashboards read (etl/model/8N-*.sql), from a day of shopping fed
// through the real ETL: every number below follows from the traffic by the written definitions.
const parts = etlTestParts("aggregates-test");

const DAY = SHOPPING_DAY;

async function loadDay(): Promise<void> {
  const receivedAt = new Date(at("13:00:00.000"));
  const records = dayOfShopping().map((sent) => lakeRecord(sent, receivedAt));
  await writeLakeObject(parts.deps.s3, parts.deps.bucket, "raw", receivedAt, records);
  expect(await runEtl(parts.deps)).toMatchObject({ status: "succeeded", eventsLoaded: records.length, checksFailed: [] });
}

const rows = async (sql: string) => (await parts.sql.query(sql)).rows;

describe("the daily aggregates", () => {
  it("count products, searches, the funnel, checkout abandonment, channels, paths and lost events by their definitions", async () => {
    await loadDay();

    expect(await rows("SELECT day::text, login_state, sessions, bot_sessions, tracked_events, lost_events, orders FROM agg_daily_kpi ORDER BY login_state")).toEqual([
      // A's browser numbered 10 events and one never arrived; the crawler's are not counted.
      { day: DAY, login_state: "(all)", sessions: 2, bot_sessions: 1, tracked_events: 9 + 9, lost_events: 1, orders: 1 },
      // B never signed in (nor did the crawler); A's session holds the order the shop signed for A's account.
      { day: DAY, login_state: "anonymous", sessions: 1, bot_sessions: 1, tracked_events: 9, lost_events: 0, orders: 0 },
      { day: DAY, login_state: "signed_in", sessions: 1, bot_sessions: 0, tracked_events: 9, lost_events: 1, orders: 1 },
    ]);

    expect(await rows(`SELECT product_id, list_views, clicks, views, add_to_carts, orders, units_sold, revenue_cents::int AS revenue
                       FROM agg_product_daily ORDER BY product_id`)).toEqual([
      { product_id: gpu.product_id, list_views: 1, clicks: 1, views: 1, add_to_carts: 1, orders: 1, units_sold: 2, revenue: gpu.price_cents * 2 },
      { product_id: laptop.product_id, list_views: 2, clicks: 0, views: 1, add_to_carts: 1, orders: 0, units_sold: 0, revenue: 0 },
    ]);

    expect(await rows(`SELECT query, searches, zero_result_searches, searches_with_click, searches_with_purchase
                       FROM agg_search_daily ORDER BY query`)).toEqual([
      { query: "rtx 4070", searches: 1, zero_result_searches: 0, searches_with_click: 1, searches_with_purchase: 1 },
      // Typed twice (case aside), found nothing; the second results page is not a new search.
      { query: "xyzzy", searches: 2, zero_result_searches: 2, searches_with_click: 0, searches_with_purchase: 0 },
    ]);

    const funnel = await rows("SELECT login_state, category, step_number, sessions, sessions_through FROM agg_funnel_daily ORDER BY category, step_number");
    const steps = (category: string, loginState = "(all)") =>
      funnel.filter((row) => row["category"] === category && row["login_state"] === loginState).map((row) => [row["step_number"], row["sessions"], row["sessions_through"]]);
    expect(steps("(all)")).toEqual([[1, 2, 2], [2, 2, 2], [3, 2, 2], [4, 2, 2], [5, 1, 1], [6, 1, 1]]);
    expect(steps("gpus")).toEqual([[1, 1, 1], [2, 1, 1], [3, 1, 1], [4, 1, 1], [5, 1, 1], [6, 1, 1]]);
    // A saw a laptop in the search list but went no further with it.
    expect(steps("laptops")).toEqual([[1, 2, 2], [2, 1, 1], [3, 1, 1], [4, 1, 1]]);
    expect(steps("(all)", "signed_in")).toEqual([[1, 1, 1], [2, 1, 1], [3, 1, 1], [4, 1, 1], [5, 1, 1], [6, 1, 1]]);
    expect(steps("(all)", "anonymous")).toEqual([[1, 1, 1], [2, 1, 1], [3, 1, 1], [4, 1, 1]]);
    expect(steps("gpus", "anonymous")).toEqual([]);

    expect(await rows(`SELECT login_state, began_checkout, added_shipping, purchased, abandoned, abandoned_value_cents::int AS left_behind
                       FROM agg_checkout_daily ORDER BY login_state`)).toEqual([
      { login_state: "(all)", began_checkout: 2, added_shipping: 1, purchased: 1, abandoned: 1, left_behind: laptop.price_cents },
      { login_state: "anonymous", began_checkout: 1, added_shipping: 0, purchased: 0, abandoned: 1, left_behind: laptop.price_cents },
      { login_state: "signed_in", began_checkout: 1, added_shipping: 1, purchased: 1, abandoned: 0, left_behind: 0 },
    ]);

    expect(await rows(`SELECT channel, referrer_host, utm_source, utm_medium, utm_campaign, sessions, converted_sessions, revenue_cents::int AS revenue
                       FROM agg_channel_daily WHERE login_state = '(all)' ORDER BY channel`)).toEqual([
      { channel: "email", referrer_host: "", utm_source: "newsletter", utm_medium: "email", utm_campaign: "", sessions: 1, converted_sessions: 0, revenue: 0 },
      { channel: "paid_search", referrer_host: "google.com", utm_source: "google", utm_medium: "cpc", utm_campaign: "winter", sessions: 1, converted_sessions: 1, revenue: gpu.price_cents * 2 },
    ]);

    expect(await rows("SELECT login_state, channel, sessions FROM agg_channel_daily WHERE login_state <> '(all)' ORDER BY login_state")).toEqual([
      { login_state: "anonymous", channel: "email", sessions: 1 },
      { login_state: "signed_in", channel: "paid_search", sessions: 1 },
    ]);

    // Every event, bots included, by its own login state: only the shop's signed order names A's account.
    expect(await rows(`SELECT login_state, is_bot, trusted, sum(events)::int AS events FROM agg_event_daily
                       GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`)).toEqual([
      { login_state: "anonymous", is_bot: false, trusted: false, events: 9 + 9 },
      { login_state: "anonymous", is_bot: true, trusted: false, events: 2 },
      { login_state: "signed_in", is_bot: false, trusted: true, events: 1 },
    ]);
    expect(await rows("SELECT is_bot, events FROM agg_event_daily WHERE event_name = 'page_view' ORDER BY is_bot")).toEqual([
      { is_bot: false, events: 4 },
      { is_bot: true, events: 1 },
    ]);

    // A shopped from Paris on a wide screen in French; B from San Jose on a phone; the crawler never counts.
    expect(await rows(`SELECT g.country, g.region, g.city, s.language, s.time_zone, s.screen_class FROM fact_session s
                       LEFT JOIN dim_geography g USING (geo_id) WHERE NOT s.is_bot ORDER BY g.country`)).toEqual([
      { country: "FR", region: "Île-de-France", city: "Paris", language: "fr-FR", time_zone: "Europe/Paris", screen_class: "desktop" },
      { country: "US", region: "California", city: "San Jose", language: "en-US", time_zone: "America/Los_Angeles", screen_class: "phone" },
    ]);
    expect(await rows(`SELECT login_state, country, city, sessions, users, converted_sessions, revenue_cents::int AS revenue
                       FROM agg_geo_daily ORDER BY login_state, country`)).toEqual([
      { login_state: "(all)", country: "FR", city: "Paris", sessions: 1, users: 1, converted_sessions: 1, revenue: gpu.price_cents * 2 },
      { login_state: "(all)", country: "US", city: "San Jose", sessions: 1, users: 1, converted_sessions: 0, revenue: 0 },
      { login_state: "anonymous", country: "US", city: "San Jose", sessions: 1, users: 1, converted_sessions: 0, revenue: 0 },
      { login_state: "signed_in", country: "FR", city: "Paris", sessions: 1, users: 1, converted_sessions: 1, revenue: gpu.price_cents * 2 },
    ]);
    // Only page views carry the browser's settings.
    expect(await rows("SELECT event_name, count(*)::int AS n FROM fact_event WHERE language IS NOT NULL GROUP BY 1")).toEqual([{ event_name: "page_view", n: 4 }]);

    expect(await rows("SELECT kind, path, sessions, bounced_sessions, converted_sessions FROM agg_page_path_daily ORDER BY kind, path")).toEqual([
      { kind: "entry", path: "/", sessions: 2, bounced_sessions: 0, converted_sessions: 1 },
      { kind: "exit", path: "/categories/laptops", sessions: 1, bounced_sessions: 0, converted_sessions: 0 },
      { kind: "exit", path: `/products/${gpu.slug}`, sessions: 1, bounced_sessions: 0, converted_sessions: 1 },
      { kind: "path", path: "/ → /categories/laptops", sessions: 1, bounced_sessions: 0, converted_sessions: 0 },
      { kind: "path", path: `/ → /products/${gpu.slug}`, sessions: 1, bounced_sessions: 0, converted_sessions: 1 },
    ]);
  });

  it("recounts a day when a late event fills a gap", async () => {
    await loadDay();
    const late = browser({ anonymous_id: "3e8c4f71-6d50-4192-9dce-3f4a5b6c7d8e", session_id: "019ab100-0000-7000-8000-000000000001" }, DESKTOP, [1, 2, 3, 4, 5, 6, 7]);
    const receivedAt = new Date(at("15:00:00.000"));
    const filled = late("10:01:30.000", "/cart", null, "cart_view", items([gpu, 2]));
    await writeLakeObject(parts.deps.s3, parts.deps.bucket, "raw", receivedAt, [{ ...rawRecord(filled.event, receivedAt), user_agent: DESKTOP }]);
    expect(await runEtl(parts.deps)).toMatchObject({ eventsLoaded: 1, checksFailed: [] });
    expect(await rows("SELECT tracked_events, lost_events FROM agg_daily_kpi WHERE login_state = '(all)'")).toEqual([{ tracked_events: 19, lost_events: 0 }]);
  });

  it("keep the weeks each visitor came back in, for weekly cohorts", async () => {
    await loadDay();
    // B comes back a week later (the tracker's numbers go on from 10); the crawler never counts.
    const nextWeek = "2026-11-25T09:00:00.000Z";
    const back = browser({ anonymous_id: "4f9d5082-7e61-42a3-8edf-4a5b6c7d8e9f", session_id: "019ab100-0000-7000-8000-0000000000b2" }, DESKTOP, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const visit = back("09:00:00.000", "/", null, "page_view", {});
    const event = { ...visit.event, occurred_at: nextWeek };
    await writeLakeObject(parts.deps.s3, parts.deps.bucket, "raw", new Date(nextWeek), [{ ...rawRecord(event, new Date(nextWeek)), user_agent: DESKTOP }]);
    expect(await runEtl(parts.deps)).toMatchObject({ eventsLoaded: 1, checksFailed: [] });
    expect(await rows("SELECT anonymous_id::text, week::text, first_week::text, sessions FROM visitor_week ORDER BY anonymous_id, week")).toEqual([
      { anonymous_id: "3e8c4f71-6d50-4192-9dce-3f4a5b6c7d8e", week: "2026-11-16", first_week: "2026-11-16", sessions: 1 },
      { anonymous_id: "4f9d5082-7e61-42a3-8edf-4a5b6c7d8e9f", week: "2026-11-16", first_week: "2026-11-16", sessions: 1 },
      { anonymous_id: "4f9d5082-7e61-42a3-8edf-4a5b6c7d8e9f", week: "2026-11-23", first_week: "2026-11-16", sessions: 1 },
    ]);
  });

  it("are rebuilt from the facts alone, as the ETL built them: after a model change, or for events loaded before a table existed", async () => {
    await loadDay();
    const derived = ["fact_session", "fact_order_line", "identity_map", "dim_product", "dim_date", "agg_daily_kpi", "agg_product_daily",
      "agg_search_daily", "agg_funnel_daily", "agg_checkout_daily", "agg_channel_daily", "agg_page_path_daily", "agg_event_daily", "visitor_week", "agg_geo_daily"];
    const state = () => tableSnapshot(parts.sql, derived);
    const built = await state();
    await parts.sql.query(`TRUNCATE ${derived.join(", ")}`);

    const other = await parts.sql.connect();
    try {
      await other.query("SELECT pg_advisory_lock($1)", [ETL_LOCK_KEY]);
      await expect(rebuildWarehouse(parts.sql, { from: null, to: null })).rejects.toThrow(/ETL run is working/);
    } finally {
      await other.query("SELECT pg_advisory_unlock($1)", [ETL_LOCK_KEY]);
      other.release();
    }
    // A range without events rebuilds nothing.
    expect(await rebuildWarehouse(parts.sql, { from: "2026-11-19", to: null })).toMatchObject({ days: [] });
    const rebuilt = await rebuildWarehouse(parts.sql, { from: DAY, to: DAY });
    expect(rebuilt.days).toEqual([DAY]);
    expect(rebuilt.checks.filter((check) => check.severity === "error" && check.failures > 0)).toEqual([]);
    expect(await state()).toEqual(built);
  });
});
