import { consentState } from "./consent.ts";
import { setConsent, setEndpoint, track, trackPageEvent } from "./tracker.ts";

// The tracker's public API, and the entry the size bench bundles.
export { consentState, setConsent, setEndpoint, track, trackPageEvent };
export type { ConsentState } from "./consent.ts";
