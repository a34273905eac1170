import { describe, expect, it } from "vitest";
import { describeDevice, parseDevice, UNKNOWN_DEVICE_ID, type Device } from "./device.ts";

const UA = {
  chromeWindows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  safariIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  safariIpad:
    "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1",
  safariMac:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  androidPhone:
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36",
  androidTablet:
    "Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.230 Safari/537.36",
  // Chrome's reduced user agent: model "K", phone or tablet told only by "Mobile".
  androidReducedPhone:
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  androidReducedTablet:
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  firefoxLinux: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
  firefoxUbuntu: "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
  edge: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86",
  chromebook:
    "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  samsungTv:
    "Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/4.0 Chrome/76.0.3809.146 TV Safari/537.36",
  playstation: "Mozilla/5.0 (PlayStation; PlayStation 5/2.26) AppleWebKit/605.1.15 (KHTML, like Gecko)",
  googlebot: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  googlebotSmartphone:
    "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.204 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  bingbot: "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
  curl: "curl/8.5.0",
  // What Playwright's headless Debian Chromium sends (the e2e tests' browser).
  headlessChromium:
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
  // The same browser with a window (or a user agent override): nothing says it is automated.
  headedChromium:
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
  madeUp: "FrobnicatorClient/3.1 (Plan 7; Quux)",
} as const;

const cases: [name: keyof typeof UA, expected: Partial<Device>][] = [
  ["chromeWindows", { browser_name: "Chrome", browser_major: "131", os_name: "Windows", os_version: "10", device_type: "desktop", device_vendor: null, is_bot: false }],
  ["safariIphone", { browser_name: "Mobile Safari", browser_major: "17", os_name: "iOS", os_version: "17.5", device_type: "mobile", device_vendor: "Apple", device_model: "iPhone", is_bot: false }],
  ["safariIpad", { browser_name: "Mobile Safari", os_name: "iOS", os_version: "16.6", device_type: "tablet", device_vendor: "Apple", device_model: "iPad", is_bot: false }],
  ["safariMac", { browser_name: "Safari", os_name: "Mac OS", os_version: "10.15.7", device_type: "desktop", device_model: "Macintosh", is_bot: false }],
  ["androidPhone", { browser_name: "Chrome", browser_major: "120", os_name: "Android", os_version: "14", device_type: "mobile", device_vendor: "Samsung", device_model: "SM-S918B", is_bot: false }],
  ["androidTablet", { os_name: "Android", os_version: "13", device_type: "tablet", device_vendor: "Samsung", device_model: "SM-X710", is_bot: false }],
  ["androidReducedPhone", { os_name: "Android", device_type: "mobile", device_vendor: null }],
  ["androidReducedTablet", { os_name: "Android", device_type: "tablet", device_vendor: null }],
  ["firefoxLinux", { browser_name: "Firefox", browser_major: "128", os_name: "Linux", os_version: null, device_type: "desktop", is_bot: false }],
  ["firefoxUbuntu", { browser_name: "Firefox", os_name: "Ubuntu", device_type: "desktop", is_bot: false }],
  ["edge", { browser_name: "Edge", browser_major: "131", os_name: "Windows", device_type: "desktop", is_bot: false }],
  ["chromebook", { browser_name: "Chrome", os_name: "Chromium OS", device_type: "desktop", is_bot: false }],
  ["samsungTv", { browser_name: "Samsung Internet", os_name: "Tizen", device_type: "tv", device_vendor: "Samsung", is_bot: false }],
  ["playstation", { os_name: "PlayStation", device_type: "console", device_vendor: "Sony", device_model: "PlayStation 5", is_bot: false }],
  ["googlebot", { browser_name: null, os_name: null, device_type: "bot", is_bot: true }],
  // A bot is a bot whatever device it claims to be, but keeps what it claims.
  ["googlebotSmartphone", { browser_name: "Chrome", os_name: "Android", device_type: "bot", device_model: "Nexus 5", is_bot: true }],
  ["bingbot", { device_type: "bot", is_bot: true }],
  ["curl", { browser_name: null, os_name: null, device_type: "bot", is_bot: true }],
  ["headlessChromium", { browser_name: "Chrome Headless", browser_major: "156", os_name: "Linux", device_type: "bot", is_bot: true }],
  ["headedChromium", { browser_name: "Chrome", browser_major: "156", os_name: "Linux", device_type: "desktop", is_bot: false }],
  ["madeUp", { browser_name: null, browser_major: null, os_name: null, os_version: null, device_type: "other", device_vendor: null, device_model: null, is_bot: false }],
];

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("describeDevice", () => {
  it.each(cases)("%s", (name, expected) => {
    const device = describeDevice(UA[name]);
    expect(device).toMatchObject(expected);
    expect(device.device_id).toMatch(UUID_V5);
  });

  it("has no device for a missing user agent: null, empty or blank", () => {
    for (const ua of [null, "", "   "]) {
      expect(describeDevice(ua)).toEqual({
        device_id: UNKNOWN_DEVICE_ID,
        browser_name: null,
        browser_major: null,
        os_name: null,
        os_version: null,
        device_type: "other",
        device_vendor: null,
        device_model: null,
        is_bot: false,
      });
    }
    expect(UNKNOWN_DEVICE_ID).not.toMatch(UUID_V5);
  });

  // A UUID v5 (RFC 9562) of the user agent in the namespace of device.ts (Python uuid.uuid5 agrees).
  it("keeps device ids stable across releases (dim_device depends on them)", () => {
    expect(describeDevice(UA.chromeWindows).device_id).toBe("7ee6455c-7249-5920-a82c-8320387147dd");
  });

  it("derives the id from the exact user agent", () => {
    const ids = Object.values(UA).map((ua) => parseDevice(ua).device_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(parseDevice(`${UA.chromeWindows} `).device_id).not.toBe(parseDevice(UA.chromeWindows).device_id);
    expect(parseDevice(UA.chromeWindows.toLowerCase()).device_id).not.toBe(parseDevice(UA.chromeWindows).device_id);
  });

  it("answers the same from its cache as parsed afresh", () => {
    for (const ua of Object.values(UA)) {
      const first = describeDevice(ua);
      expect(describeDevice(ua)).toBe(first);
      expect(first).toEqual(parseDevice(ua));
    }
  });

  it("answers right after its cache filled up and started over", () => {
    const before = describeDevice(UA.safariIphone);
    for (let i = 0; i < 10_050; i++) {
      const device = describeDevice(`Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/${i}.0.0.0 Safari/537.36`);
      if (i % 2_500 === 0) expect(device).toMatchObject({ browser_major: String(i), device_type: "desktop" });
    }
    const after = describeDevice(UA.safariIphone);
    expect(after).toEqual(before);
    expect(after).not.toBe(before);
  });

  it("shares frozen answers, so no caller can change another's", () => {
    const device = describeDevice(UA.edge);
    expect(() => {
      (device as { is_bot: boolean }).is_bot = true;
    }).toThrow(TypeError);
    expect(describeDevice(UA.edge).is_bot).toBe(false);
  });
});
