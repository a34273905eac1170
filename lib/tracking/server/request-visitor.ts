import "server-only";
import { cookies, headers } from "next/headers";
import { ANONYMOUS_ID_COOKIE, CONSENT_COOKIE, SESSION_ID_COOKIE } from "../browser/identity-keys.ts";
import type { BrowserContext } from "./visitor-event.ts";

export interface RequestVisitor {
  browser: BrowserContext;
  /** False when the shopper said no (consent denied, or Do Not Track / GPC without a yes). */
  trackingAllowed: boolean;
}

/** Whether the shopper allows analytics: an explicit choice wins; else DNT and GPC say no. */
export function trackingAllowed(consent: string | undefined, doNotTrack: string | null, globalPrivacyControl: string | null): boolean {
  if (consent === "granted") return true;
  if (consent === "denied") return false;
  return doNotTrack !== "1" && globalPrivacyControl !== "1";
}

/**
 * Who the request comes from, as the server may record it: the tracker's ids from its cookies,
 * and the page the request came from (its same-origin Referer), else `fallbackPath`.
 */
export async function requestVisitor(fallbackPath: string): Promise<RequestVisitor> {
  const jar = await cookies();
  const head = await headers();
  const host = head.get("x-forwarded-host") ?? head.get("host") ?? "localhost";
  const protocol = head.get("x-forwarded-proto") ?? (/^(localhost|127\.0\.0\.1)(:\d+)?$/.test(host) ? "http" : "https");
  const origin = `${protocol}://${host}`;
  const referer = head.get("referer");
  const pageUrl = referer && URL.canParse(referer) && new URL(referer).origin === origin ? referer : `${origin}${fallbackPath}`;
  return {
    browser: {
      anonymousId: jar.get(ANONYMOUS_ID_COOKIE)?.value ?? null,
      sessionId: jar.get(SESSION_ID_COOKIE)?.value?.split("|")[0] ?? null,
      pageUrl,
    },
    trackingAllowed: trackingAllowed(jar.get(CONSENT_COOKIE)?.value, head.get("dnt"), head.get("sec-gpc")),
  };
}
