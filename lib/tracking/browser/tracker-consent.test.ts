import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sampleProduct } from "../testing/event-factory.ts";
import { fakeBrowser } from "../testing/fake-browser.ts";
import { ANONYMOUS_ID_COOKIE, CONSENT_COOKIE, SESSION_ID_COOKIE } from "./identity-keys.ts";

const ENDPOINT = "https://ingest.test/v1/events";

async function start(signals: { doNotTrack?: string; globalPrivacyControl?: boolean; consent?: string } = {}) {
  const browser = fakeBrowser();
  browser.navigator.doNotTrack = signals.doNotTrack ?? null;
  if (signals.globalPrivacyControl !== undefined) browser.navigator.globalPrivacyControl = signals.globalPrivacyControl;
  if (signals.consent) browser.document.cookie = `${CONSENT_COOKIE}=${signals.consent};path=/`;
  const tracker = await browser.tab();
  tracker.setEndpoint(ENDPOINT);
  await vi.advanceTimersByTimeAsync(0);
  return { browser, tracker, consent: await import("./consent.ts") };
}

const written = (browser: ReturnType<typeof fakeBrowser>) => browser.cookieWrites.filter((write) => !write.includes("max-age=0"));

describe("tracker consent", () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.parse("2026-11-25T10:00:00Z") }));
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("tracks by default, with no choice made", async () => {
    const { browser, tracker, consent } = await start();
    expect(consent.consentState()).toEqual({ tracking: true, choice: null });
    tracker.trackPageEvent("page_view", {});
    await vi.advanceTimersByTimeAsync(2_100);
    expect(browser.sent()).toHaveLength(1);
  });

  for (const [signal, signals] of [
    ["Do Not Track", { doNotTrack: "1" }],
    ["Global Privacy Control", { globalPrivacyControl: true }],
    ["a denial", { consent: "denied" }],
  ] as const) {
    it(`sends, stores and writes nothing under ${signal}`, async () => {
      const { browser, tracker, consent } = await start(signals);
      tracker.trackPageEvent("page_view", {});
      tracker.track("wishlist_add", sampleProduct);
      browser.setVisible(false);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(browser.requests).toHaveLength(0);
      expect(browser.beacons).toHaveLength(0);
      expect(Object.keys(browser.storage)).toEqual([]);
      expect(written(browser)).toEqual("consent" in signals ? [`${CONSENT_COOKIE}=denied;path=/`] : []);
      expect(consent.consentState().tracking).toBe(false);
    });
  }

  it("tracks when the shopper granted it, whatever Do Not Track and GPC say", async () => {
    const { browser, tracker, consent } = await start({ doNotTrack: "1", globalPrivacyControl: true, consent: "granted" });
    expect(consent.consentState()).toEqual({ tracking: true, choice: "granted" });
    tracker.trackPageEvent("page_view", {});
    await vi.advanceTimersByTimeAsync(2_100);
    expect(browser.sent()).toHaveLength(1);
  });

  it("clears what an earlier page queued when Do Not Track is on at load", async () => {
    const browser = fakeBrowser();
    const first = await browser.tab();
    first.trackPageEvent("page_view", {});
    expect(browser.queued()).toHaveLength(1);
    browser.navigator.doNotTrack = "1";
    await browser.reload();
    expect(Object.keys(browser.storage)).toEqual([]);
    expect(browser.cookie(ANONYMOUS_ID_COOKIE)).toBeUndefined();
  });

  it("forgets the visitor on a denial and starts afresh on a later grant", async () => {
    const { browser, tracker, consent } = await start();
    browser.state.answer = () => ({ status: 503 });
    tracker.trackPageEvent("page_view", {});
    tracker.track("wishlist_add", sampleProduct);
    await vi.advanceTimersByTimeAsync(2_100);
    const before = browser.cookie(ANONYMOUS_ID_COOKIE);
    expect(before).toBeTruthy();

    tracker.setConsent(false);
    expect(consent.consentState()).toEqual({ tracking: false, choice: "denied" });
    expect(Object.keys(browser.storage)).toEqual([]);
    expect(browser.cookie(ANONYMOUS_ID_COOKIE)).toBeUndefined();
    expect(browser.cookie(SESSION_ID_COOKIE)).toBeUndefined();
    expect(browser.cookie(CONSENT_COOKIE)).toBe("denied");
    expect(browser.cookieWrites.at(-3)).toBe(`${CONSENT_COOKIE}=denied;path=/;max-age=31536000;samesite=lax;secure`);
    const requests = browser.requests.length;
    tracker.track("logout", { method: "password" });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(browser.requests).toHaveLength(requests);

    browser.state.answer = () => ({ status: 200, body: "{}" });
    tracker.setConsent(true);
    expect(consent.consentState()).toEqual({ tracking: true, choice: "granted" });
    tracker.track("login", { method: "password" });
    await vi.advanceTimersByTimeAsync(2_100);
    browser.requests.splice(0, requests);
    const [login, ...rest] = browser.sent();
    expect(rest).toEqual([]);
    expect(login).toMatchObject({ event_name: "login", seq: 1, context: { first_visit: true } });
    expect(login?.anonymous_id).not.toBe(before);
  });
});
