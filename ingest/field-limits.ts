import { MAX_CLICK_TEXT_LENGTH, MAX_TITLE_LENGTH, MAX_URL_LENGTH, type EventFlag } from "../lib/tracking/schema.ts";

/*
 * Field limits keep the event: an over-long page URL, referrer or title (or a click's href or
 * text) is cut to its limit before validation and the event is flagged, instead of the whole
 * event being rejected for one long string. Only strings are cut; a value of another type is
 * left for validation to reject. The event as received is never modified (copy on write), so
 * a rejected event is stored as it arrived.
 */

type Cut = (value: string, max: number) => string;

/** At most `max` UTF-16 units, never ending in half of a surrogate pair. */
export function cutText(value: string, max: number): string {
  if (value.length <= max) return value;
  const last = value.charCodeAt(max - 1);
  return value.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

const MAX_URL_STEPS_BACK = 8;

/**
 * A prefix of a URL that is still a URL: cut at a code point, without a dangling "%" escape,
 * and when the cut itself does not parse (it fell inside the user info or host), stepped back
 * to an earlier delimiter a few times. A value that was no URL to begin with is cut as text.
 */
export function cutUrl(value: string, max: number): string {
  if (value.length <= max) return value;
  const text = cutText(value, max);
  if (!URL.canParse(value.trim())) return text;
  let cut = text.replace(/%[0-9a-fA-F]?$/, "");
  for (let step = 0; step < MAX_URL_STEPS_BACK && !URL.canParse(cut.trim()); step++) {
    const delimiter = Math.max(...["/", "?", "#", "&", "=", ";", "@", ":"].map((char) => cut.lastIndexOf(char, cut.length - 2)));
    if (delimiter <= 0) break;
    cut = cut.slice(0, delimiter);
  }
  return URL.canParse(cut.trim()) ? cut : text;
}

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === "object" && value !== null && !Array.isArray(value);

const pageLimits: ReadonlyArray<[field: string, max: number, flag: EventFlag, cut: Cut]> = [
  ["url", MAX_URL_LENGTH, "page_url_truncated", cutUrl],
  ["referrer", MAX_URL_LENGTH, "page_referrer_truncated", cutUrl],
  ["title", MAX_TITLE_LENGTH, "page_title_truncated", cutText],
];

const clickLimits: ReadonlyArray<[field: string, max: number, flag: EventFlag, cut: Cut]> = [
  ["href", MAX_URL_LENGTH, "click_href_truncated", cutUrl],
  ["text", MAX_CLICK_TEXT_LENGTH, "click_text_truncated", cutText],
];

/** The object with its over-long string fields cut (a copy when any was), and their flags. */
function limitFields(object: Fields, limits: typeof pageLimits, flags: EventFlag[]): Fields {
  let limited = object;
  for (const [field, max, flag, cut] of limits) {
    const value = object[field];
    if (typeof value !== "string" || value.length <= max) continue;
    if (limited === object) limited = { ...object };
    limited[field] = cut(value, max);
    flags.push(flag);
  }
  return limited;
}

export function applyFieldLimits(candidate: unknown): { event: unknown; flags: EventFlag[] } {
  const flags: EventFlag[] = [];
  if (!isObject(candidate)) return { event: candidate, flags };
  let event = candidate;
  if (isObject(candidate.page)) {
    const page = limitFields(candidate.page, pageLimits, flags);
    if (page !== candidate.page) event = { ...event, page };
  }
  if (candidate.event_name === "click" && isObject(candidate.properties)) {
    const properties = limitFields(candidate.properties, clickLimits, flags);
    if (properties !== candidate.properties) event = { ...event, properties };
  }
  return { event, flags };
}
