import { describe, expect, it } from "vitest";
import { writeLakeObject } from "../../ingest/lake-writer.ts";
import type { BrowserEventName, EventProperties, ProductRef, TrackedEvent } from "../../lib/tracking/schema.ts";
import { purchase, rawRecord, sampleProduct, visitorEvent } from "../../lib/tracking/testing/event-factory.ts";
import { rebuildWarehouse } from "../rebuild-warehouse.ts";
import { runEtl } from "../run-etl.ts";
import { ETL_LOCK_KEY } from "../warehouse-queries.ts";
import { etlTestParts } from "../testing/etl-test-parts.ts";

// The daily aggregates the dashboards read (etl/model/8N-*.sql), from a day of shopping fed
// through the real ETL: every number below follows from the traffic by the written definitions.
const parts = etlTestParts("aggregates-test");

const DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const CRAWLER = "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)";
const DAY = "2026-11-18";
const at = (time: string) => `${DAY}T${time}Z`;

const gpu = sampleProduct;
const laptop: ProductRef = {
  product_id: "7", sku: "LAP-TP-X1", slug: "thinkpad-x1-carbon", name: "ThinkPad X1 Carbon", brand: "Lenovo",
  category: "laptops", price_cents: 149_900, currency: "USD",
};

interface Sent {
  event: TrackedEvent;
  userAgent: string;
  trusted: boolean;
}

type Visit = { anonymous_id: string; session_id: string; campaign?: Record<string, string> };

/** A visitor's browser: numbers its events (seq) as the tracker does, skipping the ones given. */
function browser(visit: Visit, userAgent: string, lost: readonly number[] = []) {
  let seq = 0;
  return <N extends BrowserEventName>(
    time: string, path: string, referrer: string | null, name: N, properties: EventProperties<N>,
  ): Sent => {
    do seq += 1;
    while (lost.includes(seq));
    const event = visitorEvent(name, properties, {
      anonymous_id: visit.anonymous_id, session_id: visit.session_id, seq, occurred_at: at(time),
      page: { url: `https://shop.example${path}`, path, referrer, title: path },
      context: { logged_in: false, first_visit: true, ...(visit.campaign ? { campaign: visit.campaign } : {}) },
    } as Partial<Extract<TrackedEvent, { event_name: N }>>);
    return { event, userAgent, trusted: false };
  };
}

const items = (...lines: Array<[ProductRef, number]>) => ({
  items: lines.map(([product, quantity]) => ({ ...product, quantity })),
  value_cents: lines.reduce((sum, [product, quantity]) => sum + product.price_cents * quantity, 0),
  currency: "USD",
});

const searchOf = (query: string, page: number, resultCount: number) => ({ query, filters: {}, sort: null, page, result_count: resultCount });

function dayOfShopping(): Sent[] {
  // A: lands from a paid Google ad, searches, clicks the GPU, buys two. Event 8 never arrives.
  const a: Visit = {
    anonymous_id: "3e8c4f71-6d50-4192-9dce-3f4a5b6c7d8e", session_id: "019ab100-0000-7000-8000-000000000001",
    campaign: { source: "google", medium: "cpc", name: "winter", click_id_param: "gclid", click_id: "abc" },
  };
  const fromA = browser(a, DESKTOP, [8]);
  const product = `/products/${gpu.slug}`;
  // B: comes from the newsletter on a phone, finds nothing for "xyzzy", leaves a laptop in checkout.
  const b: Visit = {
    anonymous_id: "4f9d5082-7e61-42a3-8edf-4a5b6c7d8e9f", session_id: "019ab100-0000-7000-8000-000000000002",
    campaign: { source: "newsletter", medium: "email" },
  };
  const fromB = browser(b, PHONE);
  const crawler = browser({ anonymous_id: "5a0e6193-8f72-43b4-9f00-5b6c7d8e9fa0", session_id: "019ab100-0000-7000-8000-000000000003" }, CRAWLER);
  const order = { ...purchase(gpu, 2, 0), anonymous_id: a.anonymous_id, session_id: a.session_id, occurred_at: at("10:03:00.000") };
  return [
    fromA("10:00:00.000", "/", "https://www.google.com/", "page_view", {}),
    fromA("10:00:10.000", "/search", null, "search", searchOf("  RTX   4070 ", 1, 3)),
    fromA("10:00:11.000", "/search", null, "product_list_view", { list_type: "search", list_id: "rtx 4070", items: [{ ...gpu, position: 1 }, { ...laptop, position: 2 }] }),
    fromA("10:00:20.000", "/search", null, "product_click", { ...gpu, list_type: "search", list_id: "rtx 4070", position: 1 }),
    fromA("10:00:21.000", product, null, "page_view", {}),
    fromA("10:00:22.000", product, null, "product_view", gpu),
    fromA("10:01:00.000", product, null, "add_to_cart", { ...gpu, quantity: 2 }),
    fromA("10:02:00.000", "/checkout", null, "begin_checkout", items([gpu, 2])),
    fromA("10:02:30.000", "/checkout", null, "add_shipping_info", { ...items([gpu, 2]), shipping_method: "standard" }),
    { event: order, userAgent: "node", trusted: true },

    fromB("11:00:00.000", "/", null, "page_view", {}),
    fromB("11:00:10.000", "/search", null, "search", searchOf("xyzzy", 1, 0)),
    fromB("11:00:20.000", "/search", null, "search", searchOf("Xyzzy", 1, 0)),
    fromB("11:00:30.000", "/search", null, "search", searchOf("xyzzy", 2, 0)),
    fromB("11:01:00.000", "/categories/laptops", null, "product_list_view", { list_type: "category", list_id: "laptops", items: [{ ...laptop, position: 1 }] }),
    fromB("11:01:01.000", "/categories/laptops", null, "page_view", {}),
    fromB("11:01:05.000", `/products/${laptop.slug}`, null, "product_view", laptop),
    fromB("11:01:10.000", `/products/${laptop.slug}`, null, "add_to_cart", { ...laptop, quantity: 1 }),
    fromB("11:01:20.000", "/checkout", null, "begin_checkout", items([laptop, 1])),

    crawler("12:00:00.000", "/", null, "page_view", {}),
    crawler("12:00:01.000", "/", null, "product_list_view", { list_type: "home", list_id: "featured", items: [{ ...gpu, position: 1 }] }),
  ];
}

async function loadDay(): Promise<void> {
  const receivedAt = new Date(at("13:00:00.000"));
  const records = dayOfShopping().map(({ event, userAgent, trusted }) => ({ ...rawRecord(event, receivedAt, trusted), user_agent: userAgent }));
  await writeLakeObject(parts.deps.s3, parts.deps.bucket, "raw", receivedAt, records);
  expect(await runEtl(parts.deps)).toMatchObject({ status: "succeeded", eventsLoaded: records.length, checksFailed: [] });
}

const rows = async (sql: string) => (await parts.sql.query(sql)).rows;

describe("the daily aggregates", () => {
  it("count products, searches, the funnel, checkout abandonment, channels, paths and lost events by their definitions", async () => {
    await loadDay();

    expect(await rows("SELECT day::text, sessions, bot_sessions, tracked_events, lost_events FROM agg_daily_kpi")).toEqual([
      // A's browser numbered 10 events and one never arrived; the crawler's are not counted.
      { day: DAY, sessions: 2, bot_sessions: 1, tracked_events: 9 + 9, lost_events: 1 },
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

    const funnel = await rows("SELECT category, step_number, sessions, sessions_through FROM agg_funnel_daily ORDER BY category, step_number");
    const steps = (category: string) => funnel.filter((row) => row["category"] === category).map((row) => [row["step_number"], row["sessions"], row["sessions_through"]]);
    expect(steps("(all)")).toEqual([[1, 2, 2], [2, 2, 2], [3, 2, 2], [4, 2, 2], [5, 1, 1], [6, 1, 1]]);
    expect(steps("gpus")).toEqual([[1, 1, 1], [2, 1, 1], [3, 1, 1], [4, 1, 1], [5, 1, 1], [6, 1, 1]]);
    // A saw a laptop in the search list but went no further with it.
    expect(steps("laptops")).toEqual([[1, 2, 2], [2, 1, 1], [3, 1, 1], [4, 1, 1]]);

    expect(await rows("SELECT began_checkout, added_shipping, purchased, abandoned, abandoned_value_cents::int AS left_behind FROM agg_checkout_daily")).toEqual([
      { began_checkout: 2, added_shipping: 1, purchased: 1, abandoned: 1, left_behind: laptop.price_cents },
    ]);

    expect(await rows(`SELECT channel, referrer_host, utm_source, utm_medium, utm_campaign, sessions, converted_sessions, revenue_cents::int AS revenue
                       FROM agg_channel_daily ORDER BY channel`)).toEqual([
      { channel: "email", referrer_host: "", utm_source: "newsletter", utm_medium: "email", utm_campaign: "", sessions: 1, converted_sessions: 0, revenue: 0 },
      { channel: "paid_search", referrer_host: "google.com", utm_source: "google", utm_medium: "cpc", utm_campaign: "winter", sessions: 1, converted_sessions: 1, revenue: gpu.price_cents * 2 },
    ]);

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
    expect(await rows("SELECT tracked_events, lost_events FROM agg_daily_kpi")).toEqual([{ tracked_events: 19, lost_events: 0 }]);
  });

  it("are rebuilt from the facts alone, as the ETL built them: after a model change, or for events loaded before a table existed", async () => {
    await loadDay();
    const derived = ["fact_session", "fact_order_line", "identity_map", "dim_product", "dim_date", "agg_daily_kpi", "agg_product_daily",
      "agg_search_daily", "agg_funnel_daily", "agg_checkout_daily", "agg_channel_daily", "agg_page_path_daily"];
    const state = async () => {
      const tables: Record<string, string[]> = {};
      for (const table of derived) tables[table] = (await rows(`SELECT to_jsonb(t)::text AS row FROM ${table} t`)).map((r) => String(r["row"])).sort();
      return tables;
    };
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
