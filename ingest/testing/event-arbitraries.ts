import { isIP } from "node:net";
import fc from "fast-check";
import { MAX_CLICK_TEXT_LENGTH, MAX_TITLE_LENGTH, MAX_URL_LENGTH, type ProductRef } from "../../lib/tracking/schema.ts";
import { oneOfEach, productUpdated, purchase } from "../../lib/tracking/testing/event-factory.ts";
import { serverOnlyReason, USER_ID_FROM_BROWSER } from "../check-event.ts";

/*
 * fast-check arbitraries for the ingest's fuzz tests, built on the shapes of the event factories:
 * valid events of every name (v1 and v2, visitor and server), and cases that must be refused,
 * each with what the ingest must do with it.
 */

export type Json = Record<string, unknown>;

/** What the ingest must do with one event of a batch. */
export type Expectation = { kind: "accept" } | { kind: "reject"; reason?: string };

export interface Case {
  event: unknown;
  expect: Expectation;
}

export const RECEIVED_AT = new Date("2026-11-25T12:00:00.000Z");

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Text of `min`..`max` UTF-16 units, of any code points (controls and astral ones included). */
const text = (min: number, max: number) => fc.string({ unit: "binary", minLength: min, maxLength: max }).filter((value) => value.length >= min && value.length <= max);

/** A string just over a limit, made of units that test the cut: ASCII, escapes, astral and accented code points. */
const overLong = (limit: number) =>
  fc
    .tuple(fc.constantFrom("a", "%20", "😀", "é", "/x"), fc.integer({ min: 1, max: 400 }))
    .map(([unit, extra]) => unit.repeat(Math.ceil((limit + extra) / unit.length)));

const pagePath = fc.webPath({ size: "small" }).map((path) => (path.startsWith("/") ? path : `/${path}`));

const pageUrl = fc.oneof(
  { weight: 4, arbitrary: pagePath.map((path) => `http://127.0.0.1:3000${path}`) },
  { weight: 1, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true, size: "small" }) },
  { weight: 1, arbitrary: overLong(MAX_URL_LENGTH).map((tail) => `https://shop.example/search?q=${tail}`) },
);

const pageTitle = fc.oneof({ weight: 5, arbitrary: text(0, 80) }, { weight: 1, arbitrary: overLong(MAX_TITLE_LENGTH) });

const page = fc.record({
  url: pageUrl,
  path: pagePath,
  referrer: fc.oneof(fc.constant(null), pageUrl, text(0, 40)),
  title: pageTitle,
});

const campaign = fc.record(
  { source: text(1, 30), medium: text(1, 30), name: text(1, 30), click_id_param: fc.constantFrom("gclid", "fbclid"), click_id: text(1, 60) },
  { requiredKeys: [] },
);

const pixels = fc.integer({ min: 0, max: 100_000 });
const size = fc.record({ width: pixels, height: pixels });

const context = fc.record(
  {
    logged_in: fc.boolean(),
    first_visit: fc.boolean(),
    campaign,
    language: fc.constantFrom("en-US", "de", "zh-Hans-CN", "sr-Latn-RS", "en-US-u-ca-gregory"),
    time_zone: fc.constantFrom("Europe/Berlin", "America/Argentina/ComodRivadavia", "Etc/GMT+5", "UTC", "America/Port-au-Prince"),
    screen: size,
    viewport: size,
  },
  { requiredKeys: ["logged_in", "first_visit"] },
);

export const product: fc.Arbitrary<ProductRef> = fc.record({
  product_id: text(1, 64),
  sku: text(1, 64),
  slug: text(1, 200),
  name: text(1, 300),
  brand: text(1, 100),
  category: text(1, 100),
  price_cents: fc.integer({ min: 0, max: 1_000_000 }),
  currency: fc.constantFrom("USD", "EUR", "GBP"),
});

/** Times around RECEIVED_AT: most near it, some days or weeks before, a few in the future or anywhere in 0000–9999. */
export const instant = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -2 * HOUR, max: 2 * HOUR }).map((offset) => new Date(RECEIVED_AT.getTime() + offset)) },
  { weight: 2, arbitrary: fc.integer({ min: -45 * DAY, max: 0 }).map((offset) => new Date(RECEIVED_AT.getTime() + offset)) },
  { weight: 1, arbitrary: fc.date({ min: new Date("0000-01-01T00:00:00.000Z"), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true }) },
);

/** An ISO timestamp of `at`, in UTC or at an offset. */
export const isoAt = (at: Date) =>
  fc.constantFrom(0, 330, -480, 60).map((offsetMinutes) => {
    const year = at.getUTCFullYear();
    if (offsetMinutes === 0 || year < 1 || year > 9998) return at.toISOString();
    const local = new Date(at.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23);
    const abs = Math.abs(offsetMinutes);
    return `${local}${offsetMinutes < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  });

const timestamp = instant.chain(isoAt);

const templates = new Map<string, Json>(oneOfEach().map((event) => [event.event_name, event as Json]));
const template = (name: string): Json => {
  const found = templates.get(name);
  if (!found) throw new Error(`no factory event named ${name}`);
  return found;
};

const quantity = fc.integer({ min: 1, max: 99 });

const click = fc.record(
  {
    tag: fc.constantFrom("a", "button", "x-card"),
    id: text(1, 100),
    role: fc.constantFrom("button", "link"),
    href: fc.oneof(pagePath, pageUrl),
    text: fc.oneof(text(1, 60), overLong(MAX_CLICK_TEXT_LENGTH)),
  },
  { requiredKeys: ["tag"] },
);

const visitorProperties: Record<string, fc.Arbitrary<unknown>> = {
  page_view: fc.constant({}),
  product_view: product,
  wishlist_add: product,
  wishlist_remove: product,
  add_to_cart: fc.tuple(product, quantity).map(([item, count]) => ({ ...item, quantity: count })),
  remove_from_cart: fc.tuple(product, quantity).map(([item, count]) => ({ ...item, quantity: count })),
  search: fc.record({
    query: text(1, 200),
    filters: fc.dictionary(fc.oneof(fc.stringMatching(/^[a-z0-9_]{1,40}$/), fc.constantFrom("__proto__", "constructor")), text(0, 50), { maxKeys: 3 }),
    sort: fc.option(text(1, 40), { nil: null }),
    page: fc.integer({ min: 1, max: 500 }),
    result_count: fc.nat(),
  }),
  click,
  engagement: fc.record(
    {
      visible_ms: fc.integer({ min: 0, max: 86_400_000 }),
      focused_ms: fc.integer({ min: 0, max: 86_400_000 }),
      max_scroll_pct: fc.integer({ min: 0, max: 100 }),
      lcp_ms: fc.double({ min: 0, max: 60_000, noNaN: true }),
    },
    { requiredKeys: ["visible_ms", "focused_ms", "max_scroll_pct"] },
  ),
};

const visitorNames = [...templates.keys()].filter((name) => name !== "purchase" && name !== "product_updated");

/** A valid version 2 visitor event of any name the browser sends; `withUserId` adds one (signed requests only). */
export function visitorEventV2(withUserId: boolean): fc.Arbitrary<Json> {
  return fc.constantFrom(...visitorNames).chain((name) =>
    fc
      .record({
        event_id: fc.uuid({ version: 7 }),
        occurred_at: timestamp,
        seq: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: null }),
        anonymous_id: fc.uuid(),
        session_id: fc.uuid(),
        page,
        context,
        properties: visitorProperties[name] ?? fc.constant(template(name).properties),
        user_id: text(1, 128),
      })
      .map(({ user_id, ...fields }) => ({ ...fields, event_name: name, ...(withUserId ? { user_id } : {}) })),
  );
}

/** A valid server-only event, as the shop's server signs it. */
export const serverEvent: fc.Arbitrary<Json> = fc
  .record({ item: product, count: quantity, shipping: fc.integer({ min: 0, max: 10_000 }), stock: fc.nat(), event_id: fc.uuid({ version: 7 }), occurred_at: timestamp })
  .chain(({ item, count, shipping, stock, event_id, occurred_at }) =>
    fc.constantFrom<Json>({ ...purchase(item, count, shipping), event_id, occurred_at }, { ...productUpdated(item, stock), event_id, occurred_at }),
  );

/** A valid version 1 event, as a tab opened before version 2 sends it. */
export const eventV1: fc.Arbitrary<Json> = fc.record({
  event_id: fc.uuid({ version: 7 }),
  occurred_at: timestamp,
  anonymous_id: fc.uuid(),
  session_id: fc.uuid(),
  user_id: fc.option(text(1, 128), { nil: null }),
  page: page.map((fields) => ({ ...fields, path: fields.path.slice(0, 1024) })),
  view: fc.option(product, { nil: null }),
}).map(({ view, ...fields }) => (view ? { ...fields, event_name: "product_view", properties: view } : { ...fields, event_name: "page_view", properties: {} }));

const junkValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom("yesterday", "2026-02-30T00:00:00Z", "2026-01-01T00:00:00", "", 0, -1, null, [], {}));

/** Changes that make any event invalid, whatever its name and version. */
const mutations: ReadonlyArray<fc.Arbitrary<(event: Json) => Json>> = [
  fc.constantFrom("event_id", "event_name", "occurred_at", "properties").map((key) => (event: Json) => {
    const { [key]: _dropped, ...rest } = event;
    return rest;
  }),
  junkValue.map((junk) => (event: Json) => ({ ...event, unexpected_field: junk })),
  fc.oneof(fc.uuid({ version: 4 }), fc.constantFrom("not-a-uuid", 42, null)).map((id) => (event: Json) => ({ ...event, event_id: id })),
  fc.constantFrom("yesterday", "2026-02-30T00:00:00Z", "2026-01-01T00:00:00", 1_764_000_000, null).map((at) => (event: Json) => ({ ...event, occurred_at: at })),
  fc.constantFrom("teleport", "", 7, null, "PAGE_VIEW").map((name) => (event: Json) => ({ ...event, event_name: name })),
  fc.constantFrom(12345, null, ["http://x.test/"], { href: "http://x.test/" }, true).map((url) => (event: Json) => ({ ...event, page: { ...(event.page as Json), url } })),
  fc.constantFrom("{}", 1, [], null).map((properties) => (event: Json) => ({ ...event, properties })),
];

/** One event of a batch of `version`, signed or not, with what the ingest must do with it. */
export function batchCase(version: 1 | 2, trusted: boolean): fc.Arbitrary<Case> {
  const valid = version === 1 ? eventV1 : trusted ? fc.oneof(visitorEventV2(false), visitorEventV2(true), serverEvent) : visitorEventV2(false);
  const accept = { kind: "accept" } as const;
  const arbitraries: Array<fc.WeightedArbitrary<Case>> = [
    { weight: 5, arbitrary: valid.map((event) => ({ event, expect: accept })) },
    { weight: 3, arbitrary: fc.tuple(valid, fc.oneof(...mutations)).map(([event, mutate]) => ({ event: mutate(event), expect: { kind: "reject" } })) },
    { weight: 1, arbitrary: junkValue.map((event) => ({ event, expect: { kind: "reject" } })) },
  ];
  if (!trusted) {
    arbitraries.push({ weight: 1, arbitrary: serverEvent.map((event) => ({ event, expect: { kind: "reject", reason: serverOnlyReason(String(event.event_name)) } })) });
    if (version === 2) arbitraries.push({ weight: 1, arbitrary: visitorEventV2(true).map((event) => ({ event, expect: { kind: "reject", reason: USER_ID_FROM_BROWSER } })) });
  }
  return fc.oneof(...arbitraries);
}

/** Client addresses with what the lake may keep of them. */
export const sourceIp: fc.Arbitrary<{ ip: string | null; kept: string | null }> = fc.oneof(
  fc.ipV4().map((ip) => ({ ip, kept: ip.replace(/\.\d+$/, ".0") })),
  fc.ipV4().map((ip) => ({ ip: `::ffff:${ip}`, kept: ip.replace(/\.\d+$/, ".0") })),
  fc.constantFrom(
    { ip: "2001:db8:1:2:3:4:5:6", kept: "2001:db8:1::" },
    { ip: "2a02:1810:abcd::1", kept: "2a02:1810:abcd::" },
    { ip: "::1", kept: "::" },
    { ip: null, kept: null },
  ),
  // Junk that is no address even trimmed and without a zone id (":: " is "::", an address).
  fc
    .string({ maxLength: 50 })
    .filter((junk) => !/^[\d.:a-fA-F%]*$/.test(junk.trim()) && isIP(junk.trim().split("%", 1)[0] ?? "") === 0)
    .map((ip) => ({ ip, kept: null })),
);
