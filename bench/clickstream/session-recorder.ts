import type { EventProperties, PageContext, TrackedEvent, VisitorEvent } from "../../lib/tracking/schema.ts";
import type { CatalogProduct } from "./catalog.ts";
import { productUpdated } from "./catalog-events.ts";
import { SHOP_ORIGIN, type Arrival } from "./traffic.ts";
import type { Visitor } from "./visitor.ts";

export interface CartLine {
  product: CatalogProduct;
  quantity: number;
}

/** An event as it happened, before delivery decides when (and whether) the ingest gets it. */
export interface Happening {
  /** The true time, in ms (the device's clock is `clockSkewMs` off it). */
  at: number;
  event: TrackedEvent;
  from: "browser" | "server";
  /** Server events the outbox relays in one request share a group (numbered within their session). */
  group: number;
}

type VisitorEventName = VisitorEvent["event_name"];

/**
 * One visit as the tracker and the shop's server record it: the page shown, the visit's ids and
 * campaign, the visitor's `seq`, and the engagement of each page left.
 */
export class SessionRecorder {
  readonly happenings: Happening[] = [];
  readonly sessionId: string;
  now: number;
  private page: PageContext | null = null;
  private pageShownAt = 0;
  private landing = true;
  private groups = 0;

  constructor(
    private readonly visitor: Visitor,
    start: number,
    private readonly arrival: Arrival,
    private readonly firstVisit: boolean,
  ) {
    this.now = start;
    this.sessionId = visitor.random.uuidV7(start + visitor.clockSkewMs);
  }

  get signedIn(): boolean {
    return this.visitor.userId !== null;
  }

  wait(ms: number): void {
    this.now += Math.max(1, Math.round(ms));
  }

  /** Shows a page: the one left gets its engagement, the new one its page view. */
  visit(path: string, title: string, search = ""): void {
    this.leave();
    const url = `${SHOP_ORIGIN}${path}${this.landing ? this.arrival.query : search}`;
    const referrer = this.landing ? this.arrival.referrer : (this.page?.url ?? null);
    this.page = { url, path, referrer, title };
    this.pageShownAt = this.now;
    this.browser("page_view", {});
    this.landing = false;
  }

  /** The shown page's engagement, as the tracker sends it when the page is left or hidden. */
  leave(): void {
    if (this.page === null || this.visitor.bot !== null) return;
    const random = this.visitor.random;
    const visible = Math.max(1, this.now - this.pageShownAt);
    this.browser("engagement", {
      visible_ms: visible,
      focused_ms: Math.round(visible * (0.4 + 0.6 * random.next())),
      max_scroll_pct: random.int(0, 100),
      ...(random.chance(0.7) ? { lcp_ms: Math.round(random.logNormal(1_400, 0.5)), ttfb_ms: Math.round(random.logNormal(180, 0.5)) } : {}),
      ...(random.chance(0.5) ? { cls: Math.round(random.exponential(0.05) * 1000) / 1000 } : {}),
      ...(random.chance(0.3) ? { inp_ms: Math.round(random.logNormal(120, 0.6)) } : {}),
    });
    this.page = null;
  }

  // Events are built here rather than by the test event factory, whose overrides cannot be typed
  // for a generic event name; the tests read every line with the lake reader.
  browser<N extends VisitorEventName>(name: N, properties: EventProperties<N>): void {
    const { visitor } = this;
    if (this.page === null) throw new Error(`${name} recorded with no page shown`);
    const deviceTime = this.now + visitor.clockSkewMs;
    visitor.seq += 1;
    const event = {
      event_id: visitor.random.uuidV7(deviceTime),
      event_name: name,
      occurred_at: new Date(deviceTime).toISOString(),
      seq: visitor.seq,
      anonymous_id: visitor.anonymousId,
      session_id: this.sessionId,
      page: this.page,
      context: {
        logged_in: this.signedIn,
        first_visit: this.firstVisit,
        ...(name === "page_view" && this.arrival.campaign ? { campaign: this.arrival.campaign } : {}),
        ...(name === "page_view" && visitor.audience ? visitor.audience : {}),
      },
      properties,
    } as VisitorEvent;
    this.happenings.push({ at: this.now, event, from: "browser", group: 0 });
    this.wait(visitor.random.int(5, 60));
  }

  /**
   * What a server action recorded (after its response, through the outbox): the browser's ids
   * from its cookies, the page it came from, no seq. Returns the outbox group for events that go
   * with it (a purchase's product updates).
   */
  server<N extends VisitorEventName>(name: N, properties: EventProperties<N>): number {
    const { visitor } = this;
    this.wait(visitor.random.int(80, 400));
    const page = this.page ?? { url: `${SHOP_ORIGIN}/`, path: "/", referrer: null, title: "" };
    const event = {
      event_id: visitor.random.uuidV7(this.now),
      event_name: name,
      occurred_at: new Date(this.now).toISOString(),
      seq: null,
      anonymous_id: visitor.anonymousId,
      session_id: this.sessionId,
      ...(visitor.userId ? { user_id: visitor.userId } : {}),
      page: { url: page.url, path: page.path, referrer: null, title: "" },
      context: { logged_in: this.signedIn, first_visit: false },
      properties,
    } as VisitorEvent;
    const group = ++this.groups;
    this.happenings.push({ at: this.now, event, from: "server", group });
    return group;
  }

  /** A catalog change the server records with another server event (the stock an order took). */
  serverProductUpdate(product: CatalogProduct, group: number): void {
    this.happenings.push({ at: this.now, event: productUpdated(product, this.now, this.visitor.random), from: "server", group });
  }
}
