/**
 * Where the browser posts its events: a path on the shop's own origin, so no cross-origin request
 * is left and no ad-block list that matches analytics hosts or paths ("/collect", "/track",
 * "/analytics", "/events") stops it. The shop's route handler forwards it to the ingest locally;
 * in production a CloudFront behaviour of the site sends it straight to the ingest API.
 */
export const FIRST_PARTY_EVENTS_PATH = "/cs/e";
