import { v7 as uuidv7 } from "uuid";
import { MAX_EVENTS_PER_BATCH, SCHEMA_VERSION } from "../constants.ts";
import type { EventName, EventProperties, PageContext, TrackedEvent } from "../schema.ts";
import { anonymousId, safeStore, touchSession, type KeyValueStore } from "./identity.ts";

/** Sends one batch body; resolves with the HTTP status, or 0 when the request never arrived. */
export type Transport = (endpoint: string, body: string, options: { unloading: boolean }) => Promise<number>;

export interface TrackerOptions {
  endpoint?: string;
  transport?: Transport;
  store?: KeyValueStore;
  now?: () => number;
  page?: () => PageContext;
  /** How long events wait to be sent together. */
  flushDelayMs?: number;
  maxQueue?: number;
}

// Browsers cap keepalive request bodies at 64 KiB in flight.
const KEEPALIVE_LIMIT = 60 * 1024;
const MAX_BACKOFF_MS = 60_000;
const REPEAT_WINDOW_MS = 1_000;

export const browserTransport: Transport = async (endpoint, body, { unloading }) => {
  if (unloading && typeof navigator !== "undefined" && navigator.sendBeacon) {
    return navigator.sendBeacon(endpoint, new Blob([body], { type: "text/plain" })) ? 202 : 0;
  }
  try {
    // text/plain keeps this a CORS "simple" request: no preflight before every batch.
    const response = await fetch(endpoint, {
      method: "POST",
      body,
      headers: { "content-type": "text/plain;charset=UTF-8" },
      keepalive: body.length <= KEEPALIVE_LIMIT,
      credentials: "omit",
    });
    return response.status;
  } catch {
    return 0;
  }
};

export function currentPage(): PageContext {
  return {
    url: window.location.href,
    path: window.location.pathname,
    referrer: document.referrer === "" ? null : document.referrer,
    title: document.title,
  };
}

/**
 * The browser tracker: stamps each event with ids, time and page, queues it, and sends queued
 * events in batches. A batch that fails to arrive (network, 429, 5xx) goes back to the front of
 * the queue and is retried with backoff; one the server refuses as invalid (4xx) is dropped.
 */
export class BrowserTracker {
  private endpoint: string | undefined;
  private readonly transport: Transport;
  private readonly store: KeyValueStore;
  private readonly now: () => number;
  private readonly page: () => PageContext;
  private readonly flushDelayMs: number;
  private readonly maxQueue: number;
  private queue: TrackedEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sending = false;
  private backoffMs = 0;
  private readonly recent = new Map<string, number>();
  private location: { url: string; referrer: string | null } | undefined;
  userId: string | null = null;

  constructor(options: TrackerOptions = {}) {
    this.endpoint = options.endpoint;
    this.transport = options.transport ?? browserTransport;
    this.store = options.store ?? safeStore(() => (typeof localStorage === "undefined" ? undefined : localStorage));
    this.now = options.now ?? Date.now;
    this.page = options.page ?? currentPage;
    this.flushDelayMs = options.flushDelayMs ?? 500;
    this.maxQueue = options.maxQueue ?? 1_000;
  }

  setEndpoint(endpoint: string): void {
    this.endpoint = endpoint;
    if (this.queue.length > 0) this.schedule(0);
  }

  get pending(): number {
    return this.queue.length;
  }

  track<N extends EventName>(name: N, properties: EventProperties<N>): TrackedEvent | null {
    const at = this.now();
    const page = this.withInAppReferrer(this.page());
    if (this.isRepeat(`${name}|${page.url}|${JSON.stringify(properties)}`, at)) return null;

    const event = {
      event_id: uuidv7(),
      event_name: name,
      occurred_at: new Date(at).toISOString(),
      anonymous_id: anonymousId(this.store),
      session_id: touchSession(this.store, at),
      user_id: this.userId,
      page,
      properties,
    } as TrackedEvent;
    this.queue.push(event);
    if (this.queue.length > this.maxQueue) this.queue.splice(0, this.queue.length - this.maxQueue);
    this.schedule(this.backoffMs || this.flushDelayMs);
    return event;
  }

  /** Sends everything queued now; with `unloading`, through sendBeacon, which outlives the page. */
  async flush({ unloading = false } = {}): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.endpoint || this.sending) return;
    this.sending = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_EVENTS_PER_BATCH);
        const body = JSON.stringify({ schema_version: SCHEMA_VERSION, sent_at: new Date(this.now()).toISOString(), events: batch });
        const status = await this.transport(this.endpoint, body, { unloading });
        if (status === 0 || status === 429 || status >= 500) {
          this.queue.unshift(...batch);
          this.backoffMs = Math.min(MAX_BACKOFF_MS, this.backoffMs ? this.backoffMs * 2 : 1_000);
          if (!unloading) this.schedule(this.backoffMs);
          return;
        }
        this.backoffMs = 0;
      }
    } finally {
      this.sending = false;
    }
  }

  /**
   * After a client-side navigation document.referrer still names the page the visit came from,
   * so the referrer of each page is the previous page of the visit, as a full load would report.
   */
  private withInAppReferrer(page: PageContext): PageContext {
    if (this.location?.url !== page.url) {
      this.location = { url: page.url, referrer: this.location ? this.location.url : page.referrer };
    }
    return { ...page, referrer: this.location.referrer };
  }

  /**
   * React's strict mode re-runs effects on mount, so one view can be reported twice within
   * milliseconds, with other events in between: ignore an identical event within the window.
   */
  private isRepeat(signature: string, at: number): boolean {
    for (const [key, seenAt] of this.recent) if (at - seenAt >= REPEAT_WINDOW_MS) this.recent.delete(key);
    if (this.recent.has(signature)) return true;
    this.recent.set(signature, at);
    return false;
  }

  private schedule(delayMs: number): void {
    if (this.timer || !this.endpoint) return;
    this.timer = setTimeout(() => void this.flush(), delayMs);
  }
}
