/**
 * Where the tracker keeps the visitor's anonymous id and session ("<id>|<last event ms>"). The
 * shop's server reads the same names from cookies to join its own events (a purchase) to the
 * browser's session.
 */
export const ANONYMOUS_ID_COOKIE = "cs_aid";
export const SESSION_ID_COOKIE = "cs_sid";
