import { v4 as uuidv4, v7 as uuidv7 } from "uuid";
import { trackedEventSchema, type EventProperties, type TrackedEvent, type VisitorEvent } from "../schema.ts";

/** Where the shopper's browser was when the server acted for it. */
export interface BrowserContext {
  /** The tracker's ids from its cookies, when it keeps them (consent given). */
  anonymousId: string | null;
  sessionId: string | null;
  /** The page the request came from (its Referer), or the page the action belongs to. */
  pageUrl: string;
  pageTitle?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type VisitorEventName = VisitorEvent["event_name"];

/**
 * A visitor's event as the shop's server states it (cart changes made by server actions, the
 * order placed, signing out): joined to the browser's session when its tracker cookies came
 * along, else under fresh ids. Validated here, so a bad event fails where it is made.
 */
export function visitorServerEvent<N extends VisitorEventName>(
  name: N,
  properties: EventProperties<N>,
  browser: BrowserContext,
  userId: string | null,
  at: Date,
): Extract<TrackedEvent, { event_name: N }> {
  const url = new URL(browser.pageUrl);
  const event = trackedEventSchema.parse({
    event_id: uuidv7({ msecs: at.getTime() }),
    event_name: name,
    occurred_at: at.toISOString(),
    seq: null,
    anonymous_id: browser.anonymousId && UUID.test(browser.anonymousId) ? browser.anonymousId : uuidv4(),
    session_id: browser.sessionId && UUID.test(browser.sessionId) ? browser.sessionId : uuidv7({ msecs: at.getTime() }),
    ...(userId ? { user_id: userId } : {}),
    page: { url: url.href, path: url.pathname, referrer: null, title: browser.pageTitle ?? "" },
    context: { logged_in: userId !== null, first_visit: false },
    properties,
  });
  return event as Extract<TrackedEvent, { event_name: N }>;
}
