import { createHash } from "node:crypto";
import { isBot } from "isbot";
import { beforeAll, describe, expect, it } from "vitest";
import { shippingCents, type ShippingMethodId } from "../../lib/orders/shipping.ts";
import { BATCH_DELAY_MS, BATCH_SIZE } from "../../lib/tracking/browser/limits.ts";
import { readLakeLine, type LakeEvent } from "../../lib/tracking/schema.ts";
import { generateClickstream, type ClickstreamOptions, type LakeObject } from "./generate.ts";
import type { ClickstreamSummary } from "./summary.ts";

const END = new Date("2026-11-28T00:00:00.000Z");
const DAY = 86_400_000;
const options: ClickstreamOptions = { events: 20_000, days: 3, seed: 1, endDate: END };

interface Line {
  object: number;
  receivedAt: Date;
  event: LakeEvent;
  /** The event as it was sent, to compare deliveries of the same event. */
  sent: string;
}

/** Every line as the ETL reads it: through JSON, as stored, and the lake reader of every version. */
function readAll(objects: Iterable<LakeObject>): Line[] {
  const lines: Line[] = [];
  let object = 0;
  for (const { receivedAt, records } of objects) {
    for (const record of records) {
      const read = readLakeLine(JSON.parse(JSON.stringify(record)));
      if (!read.ok) throw new Error(`object ${object}: ${read.error.message}`);
      lines.push({ object, receivedAt, event: read.event, sent: JSON.stringify(record.event) });
    }
    object += 1;
  }
  return lines;
}

const digest = (objects: Iterable<LakeObject>) => {
  const hash = createHash("sha256");
  for (const { receivedAt, records } of objects) hash.update(`${receivedAt.toISOString()}\n${JSON.stringify(records)}\n`);
  return hash.digest("hex");
};

const groupBy = <T>(items: readonly T[], key: (item: T) => string | null) => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
};

describe("generateClickstream", () => {
  let lines: Line[];
  let objects: LakeObject[];
  let summary: ClickstreamSummary;
  /** The first delivery of each event. */
  let events: LakeEvent[];

  beforeAll(() => {
    const stream = generateClickstream(options);
    objects = [...stream.objects];
    summary = stream.summary();
    lines = readAll(objects);
    const first = new Map<string, LakeEvent>();
    for (const line of lines) if (!first.has(line.event.event_id)) first.set(line.event.event_id, line.event);
    events = [...first.values()];
  });

  it("makes lake objects the lake reader accepts, in the order the ingest received them", () => {
    expect(lines.length).toBeGreaterThan(options.events);
    objects.forEach((object, index) => {
      expect(object.records.length).toBeGreaterThan(0);
      expect(object.records.every((record) => record.received_at === object.receivedAt.toISOString())).toBe(true);
      if (index > 0) expect(object.receivedAt.getTime()).toBeGreaterThanOrEqual(objects[index - 1]!.receivedAt.getTime());
    });
  });

  it("batches a browser's events as the tracker does: up to 10, within 2 s, unless an offline queue drains", () => {
    const browser = objects.filter(({ records }) => !records[0]!.trusted);
    const sizes = browser.map(({ records }) => records.length);
    expect(Math.max(...sizes)).toBeGreaterThan(BATCH_SIZE);
    for (const { receivedAt, records } of browser) {
      expect(new Set(records.map((record) => record.event.event_name === "product_updated" ? null : record.event.anonymous_id)).size).toBe(1);
      const times = records.map((record) => Date.parse(record.derived_at));
      const drained = receivedAt.getTime() - Math.max(...times) > 3_600_000;
      if (drained) continue;
      expect(records.length).toBeLessThanOrEqual(BATCH_SIZE);
      expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(BATCH_DELAY_MS);
    }
    // Mostly a few events a request, as a page sends them.
    expect(sizes.filter((size) => size <= 6).length / sizes.length).toBeGreaterThan(0.9);
  });

  it("gives the same objects for the same seed, and other objects for another seed", () => {
    const small = { ...options, events: 3_000 };
    const once = digest(generateClickstream(small).objects);
    expect(digest(generateClickstream(small).objects)).toBe(once);
    expect(digest(generateClickstream({ ...small, seed: 2 }).objects)).not.toBe(once);
  });

  it("makes exactly the events asked for, whatever the size and the window", () => {
    for (const [size, days] of [[1_000, 1], [5_000, 2], [400, 7]] as const) {
      const stream = generateClickstream({ events: size, days, seed: 3, endDate: END });
      const ids = new Set<string>();
      for (const { records } of stream.objects) records.forEach((record) => ids.add(record.event.event_id));
      expect(ids.size).toBe(size);
      expect(stream.summary().events).toBe(size);
    }
  });

  it("makes objects only as they are taken", () => {
    const stream = generateClickstream({ ...options, events: 50_000_000, days: 365 });
    let taken = 0;
    for (const object of stream.objects) {
      expect(object.records.length).toBeGreaterThan(0);
      if (++taken === 200) break;
    }
    expect(stream.summary).toThrow(/complete only once/);
  });

  it("counts in its summary exactly what it yielded", () => {
    const visitorEvents = events.filter((event) => event.anonymous_id !== null);
    const visitors = groupBy(visitorEvents, (event) => event.anonymous_id);
    const browserOf = (list: readonly LakeEvent[]) => list.filter((event) => !event.trusted);
    const bots = [...visitors.values()].filter((list) => browserOf(list).some((event) => isBot(event.user_agent ?? "")));
    const sessions = groupBy(visitorEvents, (event) => event.session_id);
    const byName: Record<string, number> = {};
    for (const event of events) byName[event.event_name] = (byName[event.event_name] ?? 0) + 1;
    const late = objects.filter(({ receivedAt, records }) => records.every((record) => receivedAt.getTime() - Date.parse(record.derived_at) > 3_600_000));

    expect(summary).toMatchObject({
      objects: objects.length,
      lines: lines.length,
      events: events.length,
      duplicates: lines.length - events.length,
      eventsByName: byName,
      visitors: visitors.size,
      botVisitors: bots.length,
      sessions: sessions.size,
      botSessions: bots.reduce((sum, list) => sum + new Set(list.map((event) => event.session_id)).size, 0),
      convertedSessions: new Set(events.filter((event) => event.event_name === "purchase").map((event) => event.session_id)).size,
      identifiedVisitors: [...visitors.values()].filter((list) => list.some((event) => event.user_id !== null)).length,
      purchases: byName["purchase"],
      products: new Set(events.filter((event) => event.event_name === "product_updated").map((event) => event.properties["product_id"])).size,
      lateObjects: late.length,
      lateLines: late.reduce((sum, object) => sum + object.records.length, 0),
    });
  });

  it("delivers an event twice only as a retry would: the same event, in another object, later", () => {
    expect(summary.duplicates).toBeGreaterThan(0);
    const deliveries = groupBy(lines, (line) => line.event.event_id);
    let repeated = 0;
    for (const copies of deliveries.values()) {
      if (copies.length === 1) continue;
      repeated += copies.length - 1;
      expect(new Set(copies.map((copy) => copy.sent)).size).toBe(1);
      expect(new Set(copies.map((copy) => copy.object)).size).toBe(copies.length);
      expect(copies[1]!.receivedAt.getTime()).toBeGreaterThan(copies[0]!.receivedAt.getTime());
    }
    expect(repeated).toBe(summary.duplicates);
  });

  it("numbers each visitor's browser events from 1, with gaps only for the events its summary says were lost", () => {
    expect(summary.lostEvents).toBeGreaterThan(0);
    let gaps = 0;
    for (const list of groupBy(events, (event) => event.anonymous_id).values()) {
      const seqs = list.filter((event) => !event.trusted).map((event) => event.seq);
      // Server events carry no seq; browser events always do, each its own.
      expect(list.filter((event) => event.trusted).every((event) => event.seq === null)).toBe(true);
      const numbers = seqs.filter((seq) => seq !== null);
      expect(numbers).toHaveLength(seqs.length);
      expect(new Set(numbers).size).toBe(numbers.length);
      if (numbers.length === 0) continue;
      expect(Math.min(...numbers)).toBeGreaterThanOrEqual(1);
      gaps += Math.max(...numbers) - numbers.length;
    }
    expect(gaps).toBe(summary.lostEvents);
  });

  it("makes purchases as the shop's server signs them, whose money adds up, in a few percent of visits", () => {
    const purchases = events.filter((event) => event.event_name === "purchase");
    expect(purchases.length).toBeGreaterThan(0);
    let revenue = 0;
    for (const purchase of purchases) {
      const order = purchase.properties as {
        items: Array<{ price_cents: number; quantity: number }>;
        subtotal_cents: number;
        shipping_cents: number;
        revenue_cents: number;
        shipping_method: ShippingMethodId;
      };
      expect(purchase).toMatchObject({ trusted: true, user_agent: "node", seq: null });
      expect(purchase.user_id).not.toBeNull();
      expect(order.subtotal_cents).toBe(order.items.reduce((sum, item) => sum + item.price_cents * item.quantity, 0));
      expect(order.shipping_cents).toBe(shippingCents(order.shipping_method, order.subtotal_cents));
      expect(order.revenue_cents).toBe(order.subtotal_cents + order.shipping_cents);
      revenue += order.revenue_cents;
    }
    expect(revenue).toBe(summary.revenueCents);
    const humanSessions = summary.sessions - summary.botSessions;
    expect(summary.convertedSessions / humanSessions).toBeGreaterThan(0.015);
    expect(summary.convertedSessions / humanSessions).toBeLessThan(0.05);
    // Every order says what stock it took: a product update in the same object.
    for (const purchase of purchases) {
      const line = lines.find((candidate) => candidate.event.event_id === purchase.event_id)!;
      const same = lines.filter((candidate) => candidate.object === line.object).map((candidate) => candidate.event.event_name);
      expect(same.filter((name) => name === "product_updated")).toHaveLength((purchase.properties["items"] as unknown[]).length);
    }
  });

  it("spreads traffic over the window, late arrivals partitioned by when they were received", () => {
    const start = END.getTime() - options.days * DAY;
    const times = events.map((event) => Date.parse(event.derived_at));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(start);
    expect(Math.max(...times)).toBeLessThan(END.getTime());
    // Every day of the window has about its share of the events (the budget runs out close to the end).
    for (let day = 0; day < options.days; day++) {
      const share = times.filter((time) => time >= start + day * DAY && time < start + (day + 1) * DAY).length / events.length;
      expect(share).toBeGreaterThan(0.8 / options.days);
    }
    expect(summary.lateObjects).toBeGreaterThan(0);
    const lateDays = objects.filter(({ receivedAt, records }) => records.some((record) => record.derived_at.slice(0, 13) !== receivedAt.toISOString().slice(0, 13)));
    expect(lateDays.length).toBeGreaterThanOrEqual(summary.lateObjects);
  });

  it("looks like a shop's traffic: channels, searches with no result, bots, returning visitors who sign in", () => {
    const pageViews = events.filter((event) => event.event_name === "page_view");
    const landings = [...groupBy(pageViews, (event) => event.session_id).values()].map((list) => list[0]!);
    expect(landings.some((event) => event.campaign?.click_id_param === "gclid" && event.campaign.medium === "cpc")).toBe(true);
    expect(landings.some((event) => event.campaign?.medium === "email")).toBe(true);
    expect(landings.some((event) => event.page?.referrer === "https://www.google.com/" && event.campaign === null)).toBe(true);
    expect(landings.some((event) => event.page?.referrer === null && event.campaign === null)).toBe(true);

    const searches = events.filter((event) => event.event_name === "search");
    const empty = searches.filter((event) => event.properties["result_count"] === 0).length / searches.length;
    expect(empty).toBeGreaterThan(0.03);
    expect(empty).toBeLessThan(0.3);

    expect(summary.botVisitors / summary.visitors).toBeGreaterThan(0.02);
    expect(summary.botVisitors / summary.visitors).toBeLessThan(0.2);
    const humans = events.filter((event) => !event.trusted && event.user_agent !== null && !isBot(event.user_agent));
    expect(humans.length).toBeGreaterThan(events.length / 2);

    const visits = groupBy(humans, (event) => event.anonymous_id);
    const returning = [...visits.values()].filter((list) => new Set(list.map((event) => event.session_id)).size > 1);
    expect(returning.length / visits.size).toBeGreaterThan(0.1);
    // Signed in: anonymous first, then the verified user on later events of the same visitor.
    const signedIn = [...visits.values()].filter((list) => list.some((event) => event.user_id !== null));
    expect(signedIn.length).toBeGreaterThan(0);
    expect(signedIn.some((list) => list[0]!.user_id === null)).toBe(true);
    // The ingest names the user of the request, so once signed in every event carries it.
    expect(humans.filter((event) => event.logged_in === true).every((event) => event.user_id !== null)).toBe(true);

    // Shoppers come from many places, each visitor from one; page views carry the browser's
    // settings, and a phone's window is narrow.
    const placed = humans.filter((event) => event.geo !== null);
    expect(placed.length / humans.length).toBeGreaterThan(0.95);
    expect(new Set(placed.map((event) => event.geo?.country)).size).toBeGreaterThan(8);
    expect([...visits.values()].every((list) => new Set(list.map((event) => event.geo?.city ?? "")).size === 1)).toBe(true);
    const views = humans.filter((event) => event.event_name === "page_view");
    expect(views.every((event) => event.language !== null && event.time_zone !== null && event.viewport !== null)).toBe(true);
    expect(humans.filter((event) => event.event_name !== "page_view").every((event) => event.viewport === null)).toBe(true);
    const phones = views.filter((event) => /iPhone|Android.*Mobile/.test(event.user_agent ?? ""));
    expect(phones.length).toBeGreaterThan(0);
    expect(phones.every((event) => (event.viewport?.width ?? 0) < 600)).toBe(true);
  });
});
