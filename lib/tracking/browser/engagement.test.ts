import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { engagementMeter } from "./engagement.ts";
import { fakeBrowser } from "../testing/fake-browser.ts";

describe("engagementMeter", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("counts visible and focused time and the deepest scroll, then starts over", () => {
    const browser = fakeBrowser();
    const take = engagementMeter();
    vi.advanceTimersByTime(3_000);
    browser.state.focused = false;
    browser.setScroll(1_000); // (1000 + 1000) / 3000
    vi.advanceTimersByTime(2_000);
    browser.setVisible(false);
    vi.advanceTimersByTime(10_000);
    browser.setVisible(true);
    browser.setScroll(0);
    vi.advanceTimersByTime(1_000);
    expect(take()).toEqual({ visible_ms: 6_000, focused_ms: 3_000, max_scroll_pct: 67 });
    vi.advanceTimersByTime(500);
    expect(take()).toEqual({ visible_ms: 500, focused_ms: 0, max_scroll_pct: 33 });
  });

  it("says 100% for a page shorter than the window and 0 without layout", () => {
    const browser = fakeBrowser();
    browser.document.documentElement.scrollHeight = 500;
    expect(engagementMeter()().max_scroll_pct).toBe(100);
    browser.document.documentElement.scrollHeight = 0;
    vi.stubGlobal("innerHeight", 0);
    expect(engagementMeter()().max_scroll_pct).toBe(0);
  });
});
