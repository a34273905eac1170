import { isBot } from "isbot";
import { UAParser } from "ua-parser-js";
import { v5 as uuidv5 } from "uuid";
import { boundedMemo } from "./bounded-memo.ts";
import { DESKTOP_OS_NAMES } from "./desktop-os-names.ts";

export const DEVICE_TYPES = ["desktop", "mobile", "tablet", "tv", "console", "wearable", "bot", "other"] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/** What a user agent says of the device behind it: one dim_device row, less the user agent. */
export interface Device {
  readonly device_id: string;
  readonly browser_name: string | null;
  readonly browser_major: string | null;
  readonly os_name: string | null;
  readonly os_version: string | null;
  readonly device_type: DeviceType;
  readonly device_vendor: string | null;
  readonly device_model: string | null;
  readonly is_bot: boolean;
}

/** The device of an event without a user agent (null, empty or blank): the nil UUID. */
export const UNKNOWN_DEVICE_ID = "00000000-0000-0000-0000-000000000000";

/**
 * The UUID v5 namespace of device ids. Never change it: every device_id in dim_device and
 * fact_event is derived from it, and a new one would split each device in two.
 */
const DEVICE_ID_NAMESPACE = "2ffbc9f9-3963-4278-9e79-e71c4dc27ff6";

const DEVICE_CACHE_SIZE = 10_000;

const UNKNOWN_DEVICE: Device = Object.freeze({
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

const PARSER_TYPES: Readonly<Record<string, DeviceType>> = {
  mobile: "mobile",
  tablet: "tablet",
  smarttv: "tv",
  console: "console",
  wearable: "wearable",
  embedded: "other",
};

function deviceType(parsedType: string | undefined, osName: string | undefined, bot: boolean): DeviceType {
  if (bot) return "bot";
  if (parsedType !== undefined) return PARSER_TYPES[parsedType] ?? "other";
  return osName !== undefined && DESKTOP_OS_NAMES.has(osName.toLowerCase()) ? "desktop" : "other";
}

/** describeDevice without the cache: the same answer, parsed every time. */
export function parseDevice(userAgent: string | null): Device {
  if (userAgent === null || userAgent.trim() === "") return UNKNOWN_DEVICE;
  const parser = new UAParser(userAgent);
  const browser = parser.getBrowser();
  const os = parser.getOS();
  const device = parser.getDevice();
  const bot = isBot(userAgent);
  return Object.freeze({
    device_id: uuidv5(userAgent, DEVICE_ID_NAMESPACE),
    browser_name: browser.name ?? null,
    browser_major: browser.major ?? null,
    os_name: os.name ?? null,
    os_version: os.version ?? null,
    device_type: deviceType(device.type, os.name, bot),
    device_vendor: device.vendor ?? null,
    device_model: device.model ?? null,
    is_bot: bot,
  });
}

const describeKnownUserAgent = boundedMemo(parseDevice, DEVICE_CACHE_SIZE);

/**
 * The device a user agent names, parsed by ua-parser-js 1.x, with bots by isbot. The id is a
 * UUID v5 of the exact user agent string, so it is the same in every run. Answers are frozen
 * and shared: one object per user agent while it stays in the cache.
 *
 * A bot is whatever isbot flags, whatever else the user agent says (device_type "bot"). isbot
 * flags headless browsers too ("HeadlessChrome", "PhantomJS", "Playwright", …), so automated
 * test browsers count as bots unless they send a user agent of their own.
 */
export function describeDevice(userAgent: string | null): Device {
  return userAgent === null ? UNKNOWN_DEVICE : describeKnownUserAgent(userAgent);
}
