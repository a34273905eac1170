import type { Campaign } from "../schema.ts";
import { campaignOf } from "./campaign.ts";
import { readCookie, writeCookie } from "./cookies.ts";
import { ANONYMOUS_ID_COOKIE, SESSION_ID_COOKIE, VISITOR_KEY } from "./identity-keys.ts";
import { SESSION_TIMEOUT_MS, SESSION_TIMEOUT_S, YEAR_SECONDS } from "./limits.ts";
import { uuid } from "./uuid.ts";

/**
 * Whether `document.cookie` holds a signed-in Amplify session: a readable
 * `CognitoIdentityServiceProvider.<client>.LastAuthUser` cookie. The same test as
 * lib/auth/amplify-cookies.ts's hasAmplifySession (a test compares them), without loading it.
 */
export const hasAmplifySession = (cookies: string): boolean => /(^|;\s*)CognitoIdentityServiceProvider\.[^.=;]+\.LastAuthUser=[^;]/.test(cookies);

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
  const [current = "", last] = readCookie(SESSION_ID_COOKIE)?.split("|") ?? [];
  const newVisitor = !ID.test(anonymousId);
  const newSession = !ID.test(current) || !(now - Number(last) < SESSION_TIMEOUT_MS);
  if (newVisitor) anonymousId = uuid();
  const session = newSession ? uuid(now) : current;
  let visit: Visit | undefined;
  try {
    visit = JSON.parse(localStorage.getItem(VISITOR_KEY)!) as Visit;
  } catch {
    // unreadable: start over
  }
  // (its session is set just below)
  if (visit?.a != anonymousId) visit = { a: anonymousId, n: 0 } as Visit;
  visit.s = session;
  if (newSession) visit.c = campaignOf(url);
  if (newVisitor) visit.f = session;
  visit.n++;
  localStorage.setItem(VISITOR_KEY, JSON.stringify(visit));
  writeCookie(ANONYMOUS_ID_COOKIE, anonymousId, YEAR_SECONDS);
  writeCookie(SESSION_ID_COOKIE, `${session}|${now}`, SESSION_TIMEOUT_S);
  return visit;
}
