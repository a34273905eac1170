import type { BrowserEventName, EventProperties, Geo, ProductRef, RawEventRecord, Size, TrackedEvent } from "../../lib/tracking/schema.ts";
import { purchase, rawRecord, sampleProduct, visitorEvent } from "../../lib/tracking/testing/event-factory.ts";

// A day of shopping whose every aggregate is worked out by hand in
// etl/model/aggregates.integration.test.ts; also part of the determinism property's traffic.
export const DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const CRAWLER = "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)";
export const SHOPPING_DAY = "2026-11-18";
export const at = (time: string) => `${SHOPPING_DAY}T${time}Z`;

export const gpu = sampleProduct;
export const laptop: ProductRef = {
  product_id: "7", sku: "LAP-TP-X1", slug: "thinkpad-x1-carbon", name: "ThinkPad X1 Carbon", brand: "Lenovo",
  category: "laptops", price_cents: 149_900, currency: "USD",
};

export interface Sent {
  event: TrackedEvent;
  userAgent: string;
  trusted: boolean;
  /** Where the ingest placed the request (null for the shop's server and unknown places). */
  geo: Geo | null;
}

/** The browser's settings the tracker adds to page views. */
interface Audience {
  language: string;
  time_zone: string;
  screen: Size;
  viewport: Size;
}

type Visit = { anonymous_id: string; session_id: string; campaign?: Record<string, string>; audience?: Audience; geo?: Geo };

/** The raw lake record the ingest writes for one sent event, received at `receivedAt`. */
export function lakeRecord({ event, userAgent, trusted, geo }: Sent, receivedAt: Date): RawEventRecord {
  return { ...rawRecord(event, receivedAt, trusted), user_agent: userAgent, geo };
}

/** A visitor's browser: numbers its events (seq) as the tracker does, skipping the ones given. */
export function browser(visit: Visit, userAgent: string, lost: readonly number[] = []) {
  let seq = 0;
  return <N extends BrowserEventName>(
    time: string, path: string, referrer: string | null, name: N, properties: EventProperties<N>,
  ): Sent => {
    do seq += 1;
    while (lost.includes(seq));
    const event = visitorEvent(name, properties, {
      anonymous_id: visit.anonymous_id, session_id: visit.session_id, seq, occurred_at: at(time),
      page: { url: `https://shop.example${path}`, path, referrer, title: path },
      context: {
        logged_in: false, first_visit: true, ...(visit.campaign ? { campaign: visit.campaign } : {}),
        ...(name === "page_view" && visit.audience ? visit.audience : {}),
      },
    } as Partial<Extract<TrackedEvent, { event_name: N }>>);
    return { event, userAgent, trusted: false, geo: visit.geo ?? null };
  };
}

export const items = (...lines: Array<[ProductRef, number]>) => ({
  items: lines.map(([product, quantity]) => ({ ...product, quantity })),
  value_cents: lines.reduce((sum, [product, quantity]) => sum + product.price_cents * quantity, 0),
  currency: "USD",
});

const searchOf = (query: string, page: number, resultCount: number) => ({ query, filters: {}, sort: null, page, result_count: resultCount });

export function dayOfShopping(): Sent[] {
  // A: lands from a paid Google ad, searches, clicks the GPU, buys two. Event 8 never arrives.
  const a: Visit = {
    anonymous_id: "3e8c4f71-6d50-4192-9dce-3f4a5b6c7d8e", session_id: "019ab100-0000-7000-8000-000000000001",
    campaign: { source: "google", medium: "cpc", name: "winter", click_id_param: "gclid", click_id: "abc" },
    audience: { language: "fr-FR", time_zone: "Europe/Paris", screen: { width: 1920, height: 1080 }, viewport: { width: 1440, height: 900 } },
    geo: { country: "FR", region: "Île-de-France", city: "Paris", source: "dbip" },
  };
  const fromA = browser(a, DESKTOP, [8]);
  const product = `/products/${gpu.slug}`;
  // B: comes from the newsletter on a phone, finds nothing for "xyzzy", leaves a laptop in checkout.
  const b: Visit = {
    anonymous_id: "4f9d5082-7e61-42a3-8edf-4a5b6c7d8e9f", session_id: "019ab100-0000-7000-8000-000000000002",
    campaign: { source: "newsletter", medium: "email" },
    audience: { language: "en-US", time_zone: "America/Los_Angeles", screen: { width: 390, height: 844 }, viewport: { width: 390, height: 664 } },
    geo: { country: "US", region: "California", city: "San Jose", source: "dbip" },
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
    { event: order, userAgent: "node", trusted: true, geo: null },

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

