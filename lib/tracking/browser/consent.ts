import { readCookie } from "./cookies.ts";
import { CONSENT_COOKIE } from "./identity-keys.ts";

export interface ConsentState {
  /** Whether events are collected now. */
  tracking: boolean;
  /** The shopper's explicit choice (cookie cs_consent), or null if they made none. */
  choice: "granted" | "denied" | null;
}

/**
 * An explicit choice wins; without one, Do Not Track or Global Privacy Control turn tracking
 * off, and otherwise first-party analytics run (legitimate interest).
 */
export function consentState(): ConsentState {
  const cookie = readCookie(CONSENT_COOKIE);
  const choice = cookie == "granted" || cookie == "denied" ? cookie : null;
  return { tracking: choice ? choice == "granted" : navigator.doNotTrack != "1" && !(navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl, choice };
}
