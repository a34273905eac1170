import type { BrowserEventName, EventProperties, PageContext, VisitContext } from "../schema.ts";
import { audience } from "./audience.ts";
import { clickProperties } from "./clicks.ts";
import { consentState } from "./consent.ts";
import { writeCookie } from "./cookies.ts";
import { engagementMeter, type Engagement } from "./engagement.ts";
import { hasAmplifySession, nextVisit } from "./identity.ts";
import { ANONYMOUS_ID_COOKIE, CONSENT_COOKIE, SESSION_ID_COOKIE, STORAGE_PREFIX } from "./identity-keys.ts";
import { BATCH_DELAY_MS, BATCH_SIZE, LEASE_SETTLE_MS, MAX_BACKOFF_MS, TITLE_WAIT_MS, YEAR_SECONDS } from "./limits.ts";
import { dropLease, enqueue, envelope, nextBatch, removeKeys, storedKeys, takeLease, type Entry } from "./queue.ts";
import { send } from "./send.ts";
import { stripUrl } from "./strip-url.ts";
import { uuid } from "./uuid.ts";

/*
 * The browser tracker, one per page, started when this module loads in a browser. Events are
 * stamped when they happen (ids, seq, page, visit context) and queued in localStorage, one key
 * per event, shared by the visitor's tabs; one tab at a time (the lease holder) sends the queue
 * in batches and removes events once the ingest has answered for them. An event keeps its
 * event_id and seq through every retry.
 */

export interface BrowserEvent {
  event_id: string;
  event_name: BrowserEventName;
  occurred_at: string;
  seq: number;
  anonymous_id: string;
  session_id: string;
  page: PageContext;
  context: VisitContext;
  properties: object;
}

const tab = uuid();
let endpoint = "";
let timer: ReturnType<typeof setTimeout> | undefined;
let sending = false;
let failures = 0;
/** The keys of the batch being sent (halves of it included, after a 413): a beacon sends the rest. */
let inFlight: string[] = [];

// The page shown: its href as the browser has it, the context its events carry, the page events
// tracked on it (React strict mode runs effects twice), the events waiting for its title.
let href = "";
let page: PageContext;
let seen: string[] = [];
let held: BrowserEvent[] | undefined;

/** Tracking is on, and storage works (where the browser blocks it, nothing is tracked). */
function allowed(): boolean | undefined {
  try {
    return !!localStorage && consentState().tracking;
  } catch {
    // storage blocked: undefined
  }
}

/** Removes every trace of the visitor: the queue, the seq, the identity cookies. */
function forget(): void {
  held = undefined;
  try {
    removeKeys(storedKeys(STORAGE_PREFIX));
  } catch {
    // no storage, nothing kept
  }
  writeCookie(ANONYMOUS_ID_COOKIE, "", 0);
  writeCookie(SESSION_ID_COOKIE, "", 0);
}

/** A flush in `ms`, unless one is due already (setTimeout calls it without arguments: no beacon). */
function schedule(ms: number): void {
  timer ??= setTimeout(flush, ms);
}

function persist(event: BrowserEvent): void {
  if (!allowed()) return;
  if (enqueue(event) < BATCH_SIZE || failures) schedule(BATCH_DELAY_MS);
  else void flush();
}

/**
 * The shown page's waiting events go to the queue, with the page's title if the shopper is
 * still on it: never one taken from another URL.
 */
function release(): void {
  if (location.href == href) page.title = document.title || page.title;
  held?.forEach(persist);
  held = undefined;
}

function record(name: BrowserEventName, properties: object): void {
  const now = Date.now();
  const visit = nextVisit(now, page.url);
  const event: BrowserEvent = {
    event_id: uuid(now),
    event_name: name,
    occurred_at: new Date(now).toISOString(),
    seq: visit.n,
    anonymous_id: visit.a,
    session_id: visit.s,
    page,
    context: { logged_in: hasAmplifySession(document.cookie), first_visit: visit.f == visit.s, ...(name == "page_view" && { campaign: visit.c, ...audience() }) },
    properties,
  };
  if (held) held.push(event);
  else persist(event);
}

/** Ends the shown page's engagement period; its waiting events go to the queue. */
function leave(): void {
  if (!href) return;
  const engagement = takeEngagement();
  if (engagement.visible_ms) record("engagement", engagement);
  release();
}

/** Makes `page` the page shown now: url, path and referrer are taken at once, never later. */
function here(): void {
  const now = location.href;
  const title = document.title;
  if (now == href) {
    if (!held) page.title = title;
    return;
  }
  const previous = href ? page : undefined;
  leave();
  const url = stripUrl(now)!;
  href = now;
  seen = [];
  // Within the visit a page's referrer is the page before it, as a full load would say.
  page = { url, path: new URL(url).pathname, referrer: previous?.url ?? stripUrl(document.referrer), title };
  // After a client-side navigation the App Router streams the new page's title after the page:
  // unless it differs from the previous page's known title, this page's title is unknown and
  // its events wait in memory for a second, or until the page is left or hidden.
  if (previous && !(title && previous.title && title != previous.title)) {
    held = [];
    page.title = "";
    setTimeout(() => href == now && release(), TITLE_WAIT_MS);
  }
}

/**
 * Sends the queue if this tab may: while it holds the lease, batch after batch. Storage is not
 * atomic across tabs: after taking the lease, the sender waits for a rival tab's write to
 * arrive, and checks the lease again before each batch.
 *
 * `beacon`: the page is hidden or going away. The browser sends a beacon even after the page is
 * gone and no answer comes back, so once it took one, those events are handed over and leave
 * the queue. A beacon leaves out the batch in flight, whose answer may still come; beacons go
 * out synchronously (no await on that path), and then the lease is free at once, for the next
 * page of this tab to send what is left, unless a batch of ours is still awaiting its answer.
 */
export async function flush(beacon?: boolean): Promise<void> {
  if (!beacon) {
    clearTimeout(timer);
    timer = undefined;
    if (sending || !storedKeys().length) return;
    sending = true;
  }
  try {
    if (!beacon) {
      if (!takeLease(tab)) return schedule(BATCH_DELAY_MS);
      await new Promise((resolve) => setTimeout(resolve, LEASE_SETTLE_MS));
    }
    for (let batch: Entry[]; endpoint && takeLease(tab) && allowed() && (batch = nextBatch(inFlight)).length; failures = 0) {
      const keys = batch.map((entry) => entry[0]);
      if (beacon) {
        if (!navigator.sendBeacon(endpoint, envelope(batch))) return;
        removeKeys(keys);
        continue;
      }
      inFlight = keys;
      const retry = await send(endpoint, batch);
      inFlight = [];
      if (retry) return schedule(Math.min(MAX_BACKOFF_MS, 500 * 2 ** ++failures) * (0.5 + Math.random() / 2));
    }
  } finally {
    if (!beacon) sending = false;
    if (!sending) dropLease(tab);
  }
}

/**
 * The page is hidden or, with `leaving`, going away: ends its engagement period and beacons the
 * queue. A page that goes away hands its batch in flight to that keepalive request, as it hands
 * the rest to beacons, and frees the lease: a lease left by a page that is gone would keep the
 * next page of this tab from sending, and from beaconing when it goes too.
 */
export function hide(leaving?: boolean): void {
  if (!allowed()) return;
  leave();
  if (leaving) {
    removeKeys(inFlight);
    inFlight = [];
    sending = false;
  }
  void flush(true);
}

/** Records an event on the page shown now; `once`: unless it was recorded on this page already. */
function add(name: BrowserEventName, properties: object, once?: boolean): void {
  if (!allowed()) return;
  here();
  const signature = name + JSON.stringify(properties);
  // push returns the new length: never 0
  if (!once || (!seen.includes(signature) && seen.push(signature))) record(name, properties);
}

export function track<N extends BrowserEventName>(name: N, properties: EventProperties<N>): void {
  add(name, properties);
}

/** For effects (page views, product views): the same event counts once per page, even when React runs it twice. */
export function trackPageEvent<N extends BrowserEventName>(name: N, properties: EventProperties<N>): void {
  add(name, properties, true);
}

/** Where batches go; events tracked before it is known wait in the queue. */
export function setEndpoint(url: string): void {
  endpoint = url;
  schedule(0);
}

/** The shopper's choice: granted overrides Do Not Track and GPC; denied deletes what was kept. */
export function setConsent(granted: boolean): void {
  writeCookie(CONSENT_COOKIE, granted ? "granted" : "denied", YEAR_SECONDS);
  if (granted) schedule(0);
  else forget();
}

let takeEngagement: () => Engagement;
// Not while rendering on the server.
if (typeof document == "object") {
  takeEngagement = engagementMeter();
  addEventListener(
    "click",
    (event) => {
      const properties = clickProperties(event.target as Element);
      if (properties) add("click", properties);
    },
    true,
  );
  addEventListener("visibilitychange", () => document.visibilityState == "hidden" && hide(), true);
  addEventListener("pagehide", () => hide(true));
  if (!allowed()) forget();
}
