import type { VisitContext } from "../schema.ts";

/** The browser's settings a page view carries: language, time zone, screen and window size. */
export const audience = (): Partial<VisitContext> => ({
  language: navigator.language,
  time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  screen: { width: screen.width, height: screen.height },
  viewport: { width: innerWidth, height: innerHeight },
});
