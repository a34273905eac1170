import type { Campaign } from "../schema.ts";
import { campaignOf } from "./campaign.ts";
import { readCookie, writeCookie, YEAR_SECONDS } from "./cookies.ts";
import { ANONYMOUS_ID_COOKIE, SESSION_ID_COOKIE, VISITOR_KEY } from "./identity-keys.ts";
import { uuid } from "./uuid.ts";

export const SESSION_TIMEOUT_MS = 30 * 60 * 1000;

const ID = /^[\da-f-]{36}$/;

/** Kept in localStorage (VISITOR_KEY) and returned for the event being recorded. */
export interface Visit {
  /** The anonymous id this state belongs to. */
  a: string;
  /** The seq of its last event. */
  n: number;
  /** The session it was created in. */
  f?: string;
  /** The current session. */
  s: string;
  /** The current session's campaign, taken from the URL it started on. */
  c?: Campaign | undefined;
}

/**
 * The ids and the next seq of an event happening now on `url` (already stripped): creates the
 * anonymous id when missing, starts a new session after SESSION_TIMEOUT_MS without events, and
 * rolls both cookies on.
 *
 * Tabs share cookies and localStorage but no lock: two tabs recording an event within the same
 * few milliseconds (before one's write reaches the other) could both take the same seq. A
 * shopper does not act in two tabs at once, and if it happens the warehouse sees one seq on two
 * event_ids, never a gap.
 */
export function nextVisit(now: number, url: string): Visit {
  let anonymousId = readCookie(ANONYMOUS_ID_COOKIE) ?? "";
  const [session = "", last] = (readCookie(SESSION_ID_COOKIE) ?? "").split("|");
  const newVisitor = !ID.test(anonymousId);
  const newSession = !ID.test(session) || !(now - Number(last) < SESSION_TIMEOUT_MS);
  if (newVisitor) anonymousId = uuid();
  let visit: Visit | undefined;
  try {
    visit = JSON.parse(localStorage.getItem(VISITOR_KEY)!) as Visit;
  } catch {
    // unreadable: start over
  }
  if (visit?.a != anonymousId) visit = { a: anonymousId, n: 0, s: session };
  if (newSession) {
    visit.s = uuid(now);
    visit.c = campaignOf(url);
  } else visit.s = session;
  if (newVisitor) visit.f = visit.s;
  visit.n++;
  localStorage.setItem(VISITOR_KEY, JSON.stringify(visit));
  writeCookie(ANONYMOUS_ID_COOKIE, anonymousId, YEAR_SECONDS);
  writeCookie(SESSION_ID_COOKIE, `${visit.s}|${now}`, SESSION_TIMEOUT_MS / 1000);
  return visit;
}
