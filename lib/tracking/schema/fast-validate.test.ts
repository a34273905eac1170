import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeIssues, rawEventRecordSchema, rawEventRecordV1Schema, trackedEventSchema, trackedEventV1Schema } from "../schema.ts";
import { oneOfEach, pageView, pageViewV1, purchase, rawRecord, sampleProduct, visitorEvent } from "../testing/event-factory.ts";
import { fastValidator } from "./fast-validate.ts";

// The compiled fast path on the cases where JSON Schema and zod part ways; the property test
// (fast-validate.equivalence.test.ts) covers the rest.

type Json = Record<string, unknown>;

const eventV2 = fastValidator(trackedEventSchema);
const eventV1 = fastValidator(trackedEventV1Schema);

/** As the ingest sees it: parsed from JSON text. */
const asJson = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;

/** The fast path's answer, asserted equal to zod's. */
function verdict(value: unknown, schema: z.ZodType = trackedEventSchema, fast = eventV2): boolean {
  const zod = schema.safeParse(value).success;
  expect(fast.accepts(value), `fast path and zod disagree on ${JSON.stringify(value).slice(0, 300)}`).toBe(zod);
  return zod;
}

function withPage(page: Partial<Record<"url" | "path" | "referrer" | "title", unknown>>): Json {
  const event = asJson(pageView());
  return { ...event, page: { ...(event.page as Json), ...page } };
}

function withProperties(event: unknown, properties: Json): Json {
  const json = asJson(event);
  return { ...json, properties: { ...(json.properties as Json), ...properties } };
}

describe("fastValidator over the event schemas", () => {
  it("compiles every branch of every event and lake record schema, and each exported schema is valid JSON Schema", () => {
    for (const schema of [trackedEventSchema, trackedEventV1Schema, rawEventRecordSchema, rawEventRecordV1Schema]) {
      expect(fastValidator(schema, { validateSchemas: true }).uncovered()).toEqual([]);
    }
  });

  it("accepts an event of every name, both versions, and the lake records", () => {
    const record = fastValidator(rawEventRecordSchema);
    for (const event of oneOfEach()) {
      expect(eventV2.accepts(asJson(event)), event.event_name).toBe(true);
      expect(record.accepts(asJson(rawRecord(event))), event.event_name).toBe(true);
    }
    expect(eventV1.accepts(asJson(pageViewV1()))).toBe(true);
    // a line as the version 1 ingest wrote it (its `trusted` had a default)
    const { received_at, sent_at, user_agent } = asJson(rawRecord(pageView()));
    const lineV1 = { schema_version: 1, received_at, sent_at, user_agent, event: asJson(pageViewV1()) };
    const recordV1 = fastValidator(rawEventRecordV1Schema);
    expect(recordV1.accepts(lineV1)).toBe(true);
    expect(recordV1.accepts({ ...lineV1, trusted: true })).toBe(true);
    expect(recordV1.accepts({ ...lineV1, trusted: "yes" })).toBe(false);
  });

  it("runs zod's own refinements: totals that do not add up are refused, and zod says why", () => {
    const order = asJson(purchase(sampleProduct, 2, 500));
    const properties = order.properties as Json;
    expect(verdict(order)).toBe(true);
    expect(verdict(withProperties(order, { revenue_cents: (properties.revenue_cents as number) + 1 }))).toBe(false);
    expect(verdict(withProperties(order, { subtotal_cents: (properties.subtotal_cents as number) + 1, revenue_cents: (properties.revenue_cents as number) + 1 }))).toBe(false);
    const items = { items: [{ ...sampleProduct, quantity: 3 }], currency: "USD" };
    for (const name of ["cart_view", "begin_checkout"] as const) {
      expect(verdict(asJson(visitorEvent(name, { ...items, value_cents: sampleProduct.price_cents * 3 })))).toBe(true);
      expect(verdict(asJson(visitorEvent(name, { ...items, value_cents: sampleProduct.price_cents * 3 - 1 })))).toBe(false);
    }
    expect(verdict(asJson(visitorEvent("add_shipping_info", { ...items, value_cents: 1, shipping_method: "standard" })))).toBe(false);
    expect(verdict(asJson(visitorEvent("cart_view", { items: [], value_cents: 0, currency: "USD" })))).toBe(true);

    const refused = eventV2.check(asJson(visitorEvent("cart_view", { ...items, value_cents: 1 })));
    expect(refused.success).toBe(false);
    if (!refused.success) expect(describeIssues(refused.error)).toMatch(/value_cents must be the sum of the items/);
  });

  it("counts string lengths in code points, a lone surrogate as one, as zod does", () => {
    // A product name may have 300 code points: 300 emoji are 600 UTF-16 units.
    const named = (name: string) => asJson(visitorEvent("product_view", { ...sampleProduct, name }));
    expect(verdict(named("😀".repeat(300)))).toBe(true);
    expect(verdict(named(`${"😀".repeat(299)}ab`))).toBe(false);
    expect(verdict(named(`${"a".repeat(299)}\ud83d`))).toBe(true);
    expect(verdict(named(`${"a".repeat(299)}\ude00\ud83d`))).toBe(false);
    expect(verdict(named(`${"a".repeat(298)}\ud83d\ude00`))).toBe(true);
    expect(verdict(named("\udc00"))).toBe(true);
    expect(verdict(named(""))).toBe(false);
  });

  it("judges page URLs with zod's own z.url(): trimmed, parsed by URL, then measured", () => {
    for (const url of ["http://127.0.0.1:3000/", "https://shop.example/a?b=c#d", "HTTP://SHOP.EXAMPLE", "mailto:a@b.c", "http://exa\tmple.com/", " http://x.test/ "]) {
      expect(verdict(withPage({ url })), url).toBe(true);
    }
    for (const url of ["/products/x", "//x.test/", "http://exa mple.com/", "not a url", "", "http://[::1", 42, null]) {
      expect(verdict(withPage({ url })), String(url)).toBe(false);
    }
    // Over 2,048 units as sent, within them once zod has trimmed it: zod accepts.
    const url = `https://shop.example/search?q=${"a".repeat(2048 - 30)}`;
    expect(url).toHaveLength(2048);
    expect(verdict(withPage({ url: `  ${url}\n` }))).toBe(true);
    expect(verdict(withPage({ url: `  ${url}x` }))).toBe(false);
  });

  it("takes UUID versions, ISO times with offsets and patterns exactly as zod's regexes do", () => {
    const event = asJson(pageView());
    const id = event.event_id as string;
    expect(verdict({ ...event, event_id: id.toUpperCase() })).toBe(true);
    expect(verdict({ ...event, event_id: `${id}\n` })).toBe(false);
    expect(verdict({ ...event, event_id: event.anonymous_id })).toBe(false); // a v4 id
    expect(verdict({ ...event, anonymous_id: "00000000-0000-0000-0000-000000000000" })).toBe(true);
    expect(verdict({ ...event, anonymous_id: "ffffffff-ffff-ffff-ffff-ffffffffffff" })).toBe(true);
    expect(verdict({ ...event, anonymous_id: "0190f3a2-7c4e-9e4b-8a1e-3b1d2c4e5f60" })).toBe(false); // version 9
    for (const at of ["2026-11-25T12:00:00Z", "2026-11-25T12:00:00.123456789+05:30", "2024-02-29T23:59:59-08:00", "0000-01-01T00:00:00Z"]) {
      expect(verdict({ ...event, occurred_at: at }), at).toBe(true);
    }
    for (const at of ["2026-11-25T12:00:00", "2026-02-29T00:00:00Z", "2026-11-25T24:00:00Z", "2026-11-25 12:00:00Z", "2026-11-25T12:00:00+0530", "2026-11-25T12:00:00Z\n"]) {
      expect(verdict({ ...event, occurred_at: at }), at).toBe(false);
    }
    expect(verdict(withPage({ path: "products" }))).toBe(false);
    expect(verdict(withProperties(visitorEvent("click", { tag: "a" }), { tag: "A" }))).toBe(false);
    expect(verdict(withProperties(visitorEvent("click", { tag: "a" }), { tag: `a${"b".repeat(31)}` }))).toBe(true);
    expect(verdict(withProperties(visitorEvent("click", { tag: "a" }), { tag: `a${"b".repeat(32)}` }))).toBe(false);
  });

  it("keeps objects strict, integers whole and numbers in range", () => {
    const event = asJson(pageView());
    expect(verdict({ ...event, extra: 1 })).toBe(false);
    expect(verdict(JSON.parse(JSON.stringify(event).replace(/^\{/, '{"__proto__":{},')))).toBe(false);
    expect(verdict({ ...event, seq: 1.5 })).toBe(false);
    expect(verdict({ ...event, seq: 2 ** 53 - 1 })).toBe(true);
    expect(verdict({ ...event, seq: 2 ** 53 })).toBe(false);
    expect(verdict({ ...event, seq: 1e300 })).toBe(false);
    const product = asJson(visitorEvent("product_view", sampleProduct));
    expect(verdict(withProperties(product, { price_cents: 1_000_000_000 }))).toBe(true);
    expect(verdict(withProperties(product, { price_cents: 1_000_000_001 }))).toBe(false);
    expect(verdict(withProperties(visitorEvent("engagement", { visible_ms: 1, focused_ms: 1, max_scroll_pct: 1 }), { cls: 0.25 }))).toBe(true);
  });

  it('skips a "__proto__" search filter, as zod does, whatever its value', () => {
    const search = asJson(visitorEvent("search", { query: "gpu", filters: {}, sort: null, page: 1, result_count: 0 }));
    const withFilters = (filters: string) => JSON.parse(JSON.stringify(search).replace('"filters":{}', `"filters":${filters}`)) as Json;
    expect(verdict(withFilters('{"__proto__":"x"}'))).toBe(true);
    expect(verdict(withFilters('{"__proto__":42,"brand":"asus"}'))).toBe(true);
    expect(verdict(withFilters('{"constructor":42}'))).toBe(false);
    expect(verdict(withFilters('{"Brand":"asus"}'))).toBe(false);
    expect(verdict(withFilters(`{"b":"${"x".repeat(201)}"}`))).toBe(false);
  });

  it("dispatches on the event name like zod's discriminated union", () => {
    const event = asJson(pageView());
    for (const name of ["product_view", "PAGE_VIEW", 7, null, undefined]) expect(verdict({ ...event, event_name: name }), String(name)).toBe(false);
    for (const junk of [null, [], [event], "page_view", 0]) expect(verdict(junk)).toBe(false);
    // A version 2 event is no version 1 event, and the reverse.
    expect(verdict(event, trackedEventV1Schema, eventV1)).toBe(false);
    expect(verdict(asJson(pageViewV1()))).toBe(false);
  });
});

describe("fastValidator on schemas it cannot compile whole", () => {
  it("leaves to zod the subtree it cannot compile, and still answers as zod does", () => {
    const schema = z.strictObject({ at: z.string().transform((value) => value.length), n: z.number(), when: z.date().optional() });
    const fast = fastValidator(schema);
    expect(fast.uncovered().sort()).toEqual(['properties.at: zod type "pipe"', 'properties.when: zod type "date"']);
    for (const value of [{ at: "x", n: 1 }, { at: 1, n: 1 }, { at: "x", n: "1" }, { at: "x", n: 1, extra: 1 }, { n: 1 }, { at: "x", n: 1, when: "2026-01-01" }]) {
      expect(fast.accepts(value), JSON.stringify(value)).toBe(schema.safeParse(value).success);
    }
    expect(fast.check({ at: 1, n: 1 }).success).toBe(false);
  });

  it("runs superRefine and check as zod runs them, and never accepts an async refinement", () => {
    const even = z.strictObject({ n: z.int() }).superRefine((value, ctx) => {
      if (value.n % 2 !== 0) ctx.addIssue({ code: "custom", message: "odd" });
    });
    const fast = fastValidator(even);
    expect(fast.uncovered()).toEqual([]);
    expect(fast.accepts({ n: 2 })).toBe(true);
    expect(fast.accepts({ n: 3 })).toBe(false);
    expect(fast.accepts({ n: "2" })).toBe(false);
    const later = fastValidator(z.strictObject({ n: z.int() }).refine(async () => true));
    expect(later.accepts({ n: 1 })).toBe(false);
  });

  it("does not compile a refinement over values zod changes (it would see zod's copy, not the input)", () => {
    const fast = fastValidator(z.strictObject({ url: z.url() }).refine((value) => value.url.startsWith("http")));
    expect(fast.uncovered()).toEqual([expect.stringMatching(/refinement over values zod changes/)]);
    expect(fast.check({ url: " http://x.test/" })).toEqual({ success: true });
  });

  it("leaves to zod a literal with no JSON form", () => {
    const schema = z.strictObject({ gone: z.literal(undefined).optional(), n: z.literal([1, "a", null]) });
    const fast = fastValidator(schema);
    for (const value of [{ n: 1 }, { n: "a" }, { n: null }, { n: 2 }, { n: 1, gone: 1 }, { n: 1, gone: null }]) {
      expect(fast.accepts(value), JSON.stringify(value)).toBe(schema.safeParse(value).success);
    }
  });

  it("leaves to zod a leaf whose check has no exact JSON Schema form", () => {
    const fast = fastValidator(z.strictObject({ email: z.email(), name: z.string().trim().min(1), n: z.number().multipleOf(0.1) }));
    expect(fast.uncovered()).toEqual([]);
    for (const value of [
      { email: "a@b.co", name: " x ", n: 0.3 },
      { email: "a@b", name: "x", n: 0.3 },
      { email: "a@b.co", name: "  ", n: 0.3 },
      { email: "a@b.co", name: "x", n: 0.35 },
    ]) {
      expect(fast.accepts(value), JSON.stringify(value)).toBe(fast.check(value).success && z.strictObject({ email: z.email(), name: z.string().trim().min(1), n: z.number().multipleOf(0.1) }).safeParse(value).success);
    }
  });
});
