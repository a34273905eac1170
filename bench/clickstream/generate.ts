import type { RawEventRecord } from "../../lib/tracking/schema.ts";
import { Agenda } from "./agenda.ts";
import { botSession } from "./bot-session.ts";
import { buildCatalog } from "./catalog.ts";
import { announceCatalog, changeCatalog } from "./catalog-events.ts";
import { deliverSession, isLost, type Delivery } from "./delivery.ts";
import { humanSession } from "./human-session.ts";
import { Prng } from "./prng.ts";
import { SessionRecorder, type Happening } from "./session-recorder.ts";
import { countDelivery, emptySummary, type ClickstreamSummary } from "./summary.ts";
import { arrival, type Arrival } from "./traffic.ts";
import { newVisitor, timeToNextSession, type Visitor } from "./visitor.ts";

export interface ClickstreamOptions {
  /** Distinct events to make (fact_event's rows once loaded); duplicates come on top. */
  events: number;
  /** Days of traffic, ending at `endDate`. */
  days: number;
  seed: number;
  endDate: Date;
}

/** One raw lake object as the ingest writes it: the records of one request, received together. */
export interface LakeObject {
  receivedAt: Date;
  records: RawEventRecord[];
}

export interface Clickstream {
  /** The objects in the order the ingest received them; made as they are taken, never all at once. */
  objects: Generator<LakeObject, void, undefined>;
  /** What was made; complete once `objects` is exhausted. */
  summary(): ClickstreamSummary;
}

type Task = { kind: "arrival" } | { kind: "session"; visitor: Visitor } | { kind: "catalog" } | { kind: "object"; delivery: Delivery };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Traffic by hour of day (UTC): busiest in the evening, a third of it at night. */
const DAILY_SWING = 0.6;
const PEAK_HOUR = 19;
/** Arrivals are paced for a little more than asked, so the events run out just before the window ends. */
const PACE_MARGIN = 1.02;
/** Events per new visitor assumed until enough visitors have been seen. */
const PRIOR_EVENTS_PER_VISITOR = 20;
const PRIOR_WEIGHT = 50;
const DIRECT: Arrival = { channel: "direct", referrer: null, query: "", campaign: undefined };

const shape = (at: number) => 1 + DAILY_SWING * Math.cos((2 * Math.PI * (at - PEAK_HOUR * HOUR)) / DAY);
/** The integral of `shape` from `from` to `to`. */
const traffic = (from: number, to: number) =>
  to - from + ((DAILY_SWING * DAY) / (2 * Math.PI)) * (Math.sin((2 * Math.PI * (to - PEAK_HOUR * HOUR)) / DAY) - Math.sin((2 * Math.PI * (from - PEAK_HOUR * HOUR)) / DAY));

/**
 * A realistic clickstream of a computer shop, the same for the same options: visitors arriving
 * by the hour of day from search, ads, e-mail, social and referrals; returning visitors signing
 * in; browsing, searching, carts and a checkout funnel ending in the server's signed purchases;
 * crawlers and a scraper; the catalog's own updates; and what delivery does to it: tracker
 * batches, lost events (seq gaps), retried requests (duplicates) and offline queues (late).
 */
export function generateClickstream(options: ClickstreamOptions): Clickstream {
  const summary = emptySummary();
  let finished = false;
  function* objects(): Generator<LakeObject, void, undefined> {
    yield* simulate(options, summary);
    finished = true;
  }
  return {
    objects: objects(),
    summary() {
      if (!finished) throw new Error("the clickstream's summary is complete only once all its objects were taken");
      return summary;
    },
  };
}

function* simulate(options: ClickstreamOptions, summary: ClickstreamSummary): Generator<LakeObject, void, undefined> {
  const root = new Prng(options.seed);
  const catalog = buildCatalog(root.fork());
  const catalogRandom = root.fork();
  const arrivalRandom = root.fork();
  const visitorRandom = root.fork();
  const end = options.endDate.getTime();
  const start = end - options.days * DAY;
  const agenda = new Agenda<Task>();
  let budget = options.events;
  let orderNumber = 100_000;
  let visitors = 0;
  let visitEvents = 0;
  let pendingSessions = 0;
  let lostTotal = 0;
  const shop = { catalog, nextOrderNumber: () => ++orderNumber };

  const plan = (deliveries: readonly Delivery[]) => {
    for (const delivery of deliveries) agenda.push(delivery.receivedAt, { kind: "object", delivery });
  };
  const events = (happenings: readonly Happening[]) => {
    const first = happenings[0];
    const last = happenings.at(-1);
    if (!first || !last) return;
    const firstAt = new Date(first.at).toISOString();
    const lastAt = new Date(last.at).toISOString();
    if (summary.firstEventAt === "" || firstAt < summary.firstEventAt) summary.firstEventAt = firstAt;
    if (lastAt > summary.lastEventAt) summary.lastEventAt = lastAt;
  };

  function visit(visitor: Visitor, at: number): void {
    visitor.sessionsDone += 1;
    const firstVisit = visitor.sessionsDone === 1;
    const random = visitor.random;
    const arrived = visitor.bot ? DIRECT : arrival(random, !firstVisit);
    const recorder = new SessionRecorder(visitor, at, arrived, firstVisit);
    if (visitor.bot) botSession(visitor, recorder, catalog);
    else humanSession(visitor, recorder, shop, arrived.channel);
    const delivered: Happening[] = [];
    for (const happening of recorder.happenings) {
      if (isLost(happening, random)) {
        // A gap once a later event of this visitor arrives.
        visitor.lostPending += 1;
        lostTotal += 1;
        continue;
      }
      // Past the budget, nothing happened.
      if (delivered.length === budget) break;
      delivered.push(happening);
      if (happening.from === "browser") {
        summary.lostEvents += visitor.lostPending;
        visitor.lostPending = 0;
      }
    }
    budget -= delivered.length;
    visitEvents += delivered.length;
    if (delivered.length > 0) {
      summary.sessions += 1;
      if (visitor.bot) summary.botSessions += 1;
      if (delivered.some((happening) => happening.event.event_name === "purchase")) summary.convertedSessions += 1;
      if (!visitor.counted) {
        visitor.counted = true;
        summary.visitors += 1;
        if (visitor.bot) summary.botVisitors += 1;
      }
      events(delivered);
    }
    const deliveries = deliverSession(delivered, visitor, random);
    for (const delivery of deliveries) {
      if (countDelivery(summary, delivery) && !visitor.identified) {
        visitor.identified = true;
        summary.identifiedVisitors += 1;
      }
    }
    plan(deliveries);

    visitor.sessionsLeft -= 1;
    if (visitor.sessionsLeft > 0 && budget > 0) {
      const next = recorder.now + timeToNextSession(random);
      if (next < end) {
        pendingSessions += 1;
        agenda.push(next, { kind: "session", visitor });
      }
    }
  }

  /** New visitors per ms now: what the rest of the budget needs over the rest of the window, by hour of day. */
  function arrivalRate(at: number): number {
    const perVisitor = (visitEvents + PRIOR_EVENTS_PER_VISITOR * PRIOR_WEIGHT) / (visitors + PRIOR_WEIGHT);
    const perSession = summary.sessions > 0 ? visitEvents / summary.sessions : PRIOR_EVENTS_PER_VISITOR;
    const wanted = PACE_MARGIN * options.events - summary.events - pendingSessions * perSession;
    const nominal = options.events / (perVisitor * traffic(start, end));
    const rate = wanted / (perVisitor * Math.max(traffic(at, end), HOUR));
    return shape(at) * Math.min(4 * nominal, Math.max(0.05 * nominal, rate));
  }

  const announced = announceCatalog(catalog, start, catalogRandom, budget);
  summary.products = Math.min(budget, catalog.products.length);
  budget -= summary.products;
  announced.forEach((delivery) => countDelivery(summary, delivery));
  plan(announced);
  agenda.push(start, { kind: "arrival" });
  agenda.push(start + catalogRandom.exponential(3 * HOUR), { kind: "catalog" });

  for (let next = agenda.pop(); next !== undefined; next = agenda.pop()) {
    const { at, item } = next;
    switch (item.kind) {
      case "object":
        yield { receivedAt: new Date(at), records: item.delivery.records };
        break;
      case "arrival":
        if (budget <= 0 || at >= end) break;
        visitors += 1;
        visit(newVisitor(visitorRandom.fork()), at);
        agenda.push(at + Math.max(1, arrivalRandom.exponential(1 / arrivalRate(at))), item);
        break;
      case "session":
        pendingSessions -= 1;
        if (budget > 0) visit(item.visitor, at);
        break;
      case "catalog": {
        if (budget <= 0 || at >= end) break;
        const changes = changeCatalog(catalog, at, catalogRandom, budget);
        const before = summary.events;
        changes.forEach((delivery) => countDelivery(summary, delivery));
        budget -= summary.events - before;
        plan(changes);
        agenda.push(at + catalogRandom.exponential(3 * HOUR), item);
        break;
      }
    }
  }
  summary.lostUnseen = lostTotal - summary.lostEvents;
}
