import { expect, vi } from "vitest";
import { batchEnvelopeSchema, trackedEventSchema, type VisitorEvent } from "../schema.ts";

/*
 * Test-only: a fake browser for the tracker's unit tests (Node has no DOM): cookies with
 * max-age, localStorage, fetch, sendBeacon, a window to listen on. `tab()` loads a fresh tracker
 * module, as a reload or another tab would, over the same storage and cookies.
 */

/** localStorage's behaviour: data in own properties (Object.keys lists them), methods on the prototype. */
export class FakeStorage {
  [key: string]: unknown;
  getItem(key: string): string | null {
    return Object.hasOwn(this, key) ? String(this[key]) : null;
  }
  setItem(key: string, value: string): void {
    this[key] = String(value);
  }
  removeItem(key: string): void {
    delete this[key];
  }
  key(index: number): string | null {
    return Object.keys(this)[index] ?? null;
  }
  get length(): number {
    return Object.keys(this).length;
  }
}

export interface Answer {
  status: number;
  body?: string;
}

export interface SentRequest {
  url: string;
  body: string;
  init: RequestInit;
}

export function fakeBrowser(options: { url?: string; title?: string; referrer?: string } = {}) {
  let window = new EventTarget();
  const jar = new Map<string, { value: string; expires: number }>();
  const storage = new FakeStorage();
  const requests: SentRequest[] = [];
  const beacons: string[] = [];
  const listeners: { type: string; listener: (event: Event) => void }[] = [];
  const state = {
    /** What fetch answers; a function may hold the answer back (a request in flight). */
    answer: (_body: string): Answer | Promise<Answer> => ({ status: 200, body: '{"accepted":1,"rejected":[]}' }),
    beaconAccepts: true,
    focused: true,
  };
  const document = {
    get cookie() {
      const now = Date.now();
      return [...jar]
        .filter(([, cookie]) => cookie.expires > now)
        .map(([name, cookie]) => `${name}=${cookie.value}`)
        .join("; ");
    },
    set cookie(text: string) {
      const [pair = "", ...attributes] = text.split(";");
      const at = pair.indexOf("=");
      const maxAge = attributes.find((attribute) => attribute.trim().startsWith("max-age="));
      const expires = maxAge ? Date.now() + Number(maxAge.split("=")[1]) * 1000 : Infinity;
      jar.set(pair.slice(0, at), { value: pair.slice(at + 1), expires });
      cookieWrites.push(text);
    },
    title: options.title ?? "Home",
    referrer: options.referrer ?? "",
    visibilityState: "visible",
    hasFocus: () => state.focused,
    documentElement: { scrollHeight: 3000 },
    addEventListener: (type: string, listener: (event: Event) => void, capture?: boolean) => window.addEventListener(type, listener, capture),
  };
  const cookieWrites: string[] = [];
  const location = { href: options.url ?? "https://shop.test/", get protocol() { return new URL(this.href).protocol; } };
  const navigator: { doNotTrack: string | null; globalPrivacyControl?: boolean; language: string; sendBeacon(url: string, body: string): boolean } = {
    doNotTrack: null,
    language: "de-DE",
    sendBeacon(_url, body) {
      if (state.beaconAccepts) beacons.push(body);
      return state.beaconAccepts;
    },
  };
  const fetch = async (url: string, init: RequestInit) => {
    const body = String(init.body);
    requests.push({ url, body, init });
    const answer = await state.answer(body);
    return { status: answer.status, text: async () => answer.body ?? "" };
  };
  const stubs: Record<string, unknown> = {
    document,
    location,
    navigator,
    localStorage: storage,
    fetch,
    scrollY: 0,
    innerWidth: 1280,
    innerHeight: 1000,
    screen: { width: 1920, height: 1080 },
    addEventListener(type: string, listener: (event: Event) => void, capture?: boolean) {
      listeners.push({ type, listener });
      window.addEventListener(type, listener, capture);
    },
    dispatchEvent: (event: Event) => window.dispatchEvent(event),
  };
  for (const [name, value] of Object.entries(stubs)) vi.stubGlobal(name, value);

  /**
   * The events of the given request bodies, each checked against the v2 schema, in seq order
   * (events of the same millisecond have no order in the queue).
   */
  const eventsOf = (bodies: string[]): VisitorEvent[] =>
    bodies
      .flatMap((body) => {
        const envelope = batchEnvelopeSchema.parse(JSON.parse(body));
        expect(envelope.schema_version).toBe(2);
        return envelope.events.map((event) => trackedEventSchema.parse(event) as VisitorEvent);
      })
      .sort((a, b) => a.seq! - b.seq!);

  return {
    state,
    document,
    location,
    navigator,
    storage,
    requests,
    beacons,
    cookieWrites,
    /** A fresh tracker module: a page load in another tab. */
    async tab() {
      vi.resetModules();
      return import("../browser/tracker.ts");
    },
    /** The page loaded again: its timers and listeners are gone, storage and cookies stay. */
    async reload() {
      vi.clearAllTimers();
      window = new EventTarget();
      listeners.length = 0;
      vi.resetModules();
      return import("../browser/tracker.ts");
    },
    /** A client-side navigation: the URL changes at once, the title when given. */
    navigate(url: string, title?: string) {
      location.href = new URL(url, location.href).href;
      if (title !== undefined) document.title = title;
    },
    setScroll(scrollY: number) {
      vi.stubGlobal("scrollY", scrollY);
      window.dispatchEvent(new Event("scroll"));
    },
    setFocused(focused: boolean) {
      state.focused = focused;
      window.dispatchEvent(new Event(focused ? "focus" : "blur"));
    },
    setVisible(visible: boolean) {
      document.visibilityState = visible ? "visible" : "hidden";
      window.dispatchEvent(new Event("visibilitychange"));
    },
    listener(type: string) {
      return listeners.filter((entry) => entry.type == type).at(-1)!.listener;
    },
    cookie(name: string): string | undefined {
      return document.cookie.match(`(?:^|; )${name}=([^;]*)`)?.[1];
    },
    queued(): string[] {
      return Object.keys(storage).filter((key) => key.startsWith("cs_e."));
    },
    sent: () => eventsOf(requests.map((request) => request.body)),
    beaconed: () => eventsOf(beacons),
    all: () => eventsOf([...requests.map((request) => request.body), ...beacons]),
  };
}

export type FakeBrowser = ReturnType<typeof fakeBrowser>;
