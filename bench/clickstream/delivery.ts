import { batchClock } from "../../ingest/event-time.ts";
import { BATCH_DELAY_MS, BATCH_SIZE, MAX_EVENT_BYTES, MAX_EVENTS_PER_BATCH } from "../../lib/tracking/browser/limits.ts";
import type { EventFlag, Geo, RawEventRecord, TrackedEvent } from "../../lib/tracking/schema.ts";
import { rawRecord } from "../../lib/tracking/testing/event-factory.ts";
import type { Prng } from "./prng.ts";
import type { Happening } from "./session-recorder.ts";
import { SERVER_CLIENT_IP, SERVER_USER_AGENT } from "./traffic.ts";
import type { Visitor } from "./visitor.ts";

/** One request the ingest received and wrote as one raw lake object. */
export interface Delivery {
  receivedAt: number;
  records: RawEventRecord[];
  /** A retry of a request the ingest had already stored (its answer was lost). */
  retry: boolean;
  /** Sent more than an hour after its newest event (an offline queue): received_at − derived_at > 1 h for all its lines. */
  late: boolean;
}

export const LATE_MS = 3_600_000;
const LOSS = 0.004;
/** Leaving a page is where events are lost most: a beacon the browser dropped, a tab killed. */
const ENGAGEMENT_LOSS = 0.012;
const BROWSER_RETRY = 0.012;
const SERVER_RETRY = 0.005;
const OFFLINE_SESSION = 0.025;

/** A browser event the tracker never got out (the visitor's `seq` goes on past it). */
export function isLost(happening: Happening, random: Prng): boolean {
  return happening.from === "browser" && random.chance(happening.event.event_name === "engagement" ? ENGAGEMENT_LOSS : LOSS);
}

const latency = (random: Prng) => random.int(20, 250);

/** The records of one request, with what the ingest adds: its times, flags, the agent and address. */
function request(
  happenings: readonly Happening[],
  sentAt: number,
  random: Prng,
  sender: { skewMs: number; userAgent: string; clientIp: string; geo: Geo | null; userId: string | null; trusted: boolean },
): { receivedAt: number; records: RawEventRecord[] } {
  const receivedAt = sentAt + latency(random);
  const received = new Date(receivedAt);
  const sent_at = new Date(sentAt + sender.skewMs).toISOString();
  const clock = batchClock(sent_at, received);
  const records = happenings.map(({ event }): RawEventRecord => {
    const flags: EventFlag[] = [];
    const derived_at = clock(event.occurred_at, flags);
    return {
      ...rawRecord(event, received, sender.trusted),
      sent_at,
      derived_at,
      user_agent: sender.userAgent,
      client_ip: sender.clientIp,
      geo: sender.geo,
      user_id: sender.userId,
      flags,
    };
  });
  return { receivedAt, records };
}

function deliveries(
  happenings: readonly Happening[],
  sentAt: number,
  random: Prng,
  sender: Parameters<typeof request>[3],
  retryChance: number,
): Delivery[] {
  const newest = Math.max(...happenings.map((happening) => happening.at));
  const first = request(happenings, sentAt, random, sender);
  // derived_at = the event's true time + the request's latency, so this is received_at − derived_at.
  const out: Delivery[] = [{ ...first, retry: false, late: sentAt - newest > LATE_MS }];
  if (random.chance(retryChance)) {
    // The answer was lost: the same events again after a backoff, as a new request.
    const resentAt = first.receivedAt + random.int(300, 60_000);
    const again = request(happenings, resentAt, random, sender);
    out.push({ ...again, retry: true, late: resentAt - newest > LATE_MS });
  }
  return out;
}

/** Batches as the tracker sends them: at 10 events, or 2 s after the first; what is left goes when the page is left. */
function trackerBatches(events: readonly Happening[]): Array<{ sendAt: number; events: Happening[] }> {
  const batches: Array<{ sendAt: number; events: Happening[] }> = [];
  let current: Happening[] = [];
  let firstAt = 0;
  for (const happening of events) {
    if (current.length > 0 && happening.at > firstAt + BATCH_DELAY_MS) {
      batches.push({ sendAt: firstAt + BATCH_DELAY_MS, events: current });
      current = [];
    }
    if (current.length === 0) firstAt = happening.at;
    current.push(happening);
    if (current.length === BATCH_SIZE) {
      batches.push({ sendAt: happening.at, events: current });
      current = [];
    }
  }
  const last = current.at(-1);
  if (last) batches.push({ sendAt: last.at, events: current });
  return batches;
}

/** An offline queue drained at once: batches of up to 100 events within the body limit. */
function drain(events: readonly Happening[]): Happening[][] {
  const batches: Happening[][] = [];
  let current: Happening[] = [];
  let bytes = 0;
  for (const happening of events) {
    const size = JSON.stringify(happening.event).length + 1;
    if (current.length === MAX_EVENTS_PER_BATCH || (current.length > 0 && bytes + size > MAX_EVENT_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(happening);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

const isSignedIn = (event: TrackedEvent | undefined) => event !== undefined && "context" in event && event.context.logged_in;

/**
 * A visit's events as the ingest receives them: the browser's in tracker batches (a few visits
 * go offline part-way and send the rest hours later), the server's through the outbox relay;
 * a few requests are retried after the ingest had stored them.
 */
export function deliverSession(happenings: readonly Happening[], visitor: Visitor, random: Prng): Delivery[] {
  const out: Delivery[] = [];
  const browser = happenings.filter((happening) => happening.from === "browser");
  const batches = trackerBatches(browser);
  const offlineFrom = visitor.bot === null && random.chance(OFFLINE_SESSION) ? random.int(0, batches.length - 1) : batches.length;
  const sender = (events: readonly Happening[]) => ({
    skewMs: visitor.clockSkewMs,
    userAgent: visitor.userAgent,
    clientIp: visitor.clientIp,
    geo: visitor.geo,
    // The ingest takes the user from the request's sign-in, so the whole batch gets it.
    userId: isSignedIn(events.at(-1)?.event) ? visitor.userId : null,
    trusted: false,
  });
  for (const batch of batches.slice(0, offlineFrom)) {
    out.push(...deliveries(batch.events, batch.sendAt + random.int(0, 60), random, sender(batch.events), BROWSER_RETRY));
  }
  const queued = batches.slice(offlineFrom).flatMap((batch) => batch.events);
  const newest = queued.at(-1)?.at;
  if (newest !== undefined) {
    let back = newest + random.int(LATE_MS, 10 * LATE_MS);
    for (const events of drain(queued)) {
      out.push(...deliveries(events, back, random, sender(events), BROWSER_RETRY));
      back += random.int(100, 800);
    }
  }

  const groups = new Map<number, Happening[]>();
  for (const happening of happenings) {
    if (happening.from === "server") groups.set(happening.group, [...(groups.get(happening.group) ?? []), happening]);
  }
  for (const events of groups.values()) {
    const sendAt = Math.max(...events.map((happening) => happening.at)) + random.int(20, 500);
    out.push(...serverDeliveries(events, sendAt, random));
  }
  return out;
}

/** Events the shop's server signed and its outbox relayed in one request. */
export function serverDeliveries(events: readonly Happening[], sendAt: number, random: Prng): Delivery[] {
  return deliveries(events, sendAt, random, { skewMs: 0, userAgent: SERVER_USER_AGENT, clientIp: SERVER_CLIENT_IP, geo: null, userId: null, trusted: true }, SERVER_RETRY);
}
