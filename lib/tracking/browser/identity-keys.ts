/**
 * Where the tracker keeps what it knows. The shop's server reads the two identity cookies to
 * join its own events (a purchase) to the browser's: `cs_aid` is the anonymous id (a UUID),
 * `cs_sid` is "<session id>|<last event ms>" (the server takes the part before "|").
 */
export const ANONYMOUS_ID_COOKIE = "cs_aid";
export const SESSION_ID_COOKIE = "cs_sid";
/** The shopper's own choice, "granted" or "denied"; absent until they make one. */
export const CONSENT_COOKIE = "cs_consent";

/** Every localStorage key of the tracker starts with this, so a denial can remove them all. */
export const STORAGE_PREFIX = "cs_";
/** The visitor's counter and first session, and the session's campaign (identity.ts). */
export const VISITOR_KEY = "cs_v";
/** One key per queued event, "cs_e." + event_id: tabs add and remove events without racing. */
export const QUEUE_PREFIX = "cs_e.";
/** "<tab id><expiry ms>" (a tab id is a UUID: 36 characters): the one tab allowed to send the shared queue for now. */
export const LEASE_KEY = "cs_l";
