import type { EventName, EventProperties } from "../schema.ts";
import { pageTitleSettled } from "./page-title.ts";
import { BrowserTracker } from "./tracker.ts";

let tracker: BrowserTracker | undefined;
let listening = false;

/**
 * The page's one tracker. Components may track before the layout has configured the endpoint
 * (React runs children's effects first): those events wait in the queue.
 */
export function sharedTracker(): BrowserTracker {
  tracker ??= new BrowserTracker();
  if (!listening && typeof window !== "undefined") {
    listening = true;
    const flushForUnload = () => void tracker?.flush({ unloading: true });
    window.addEventListener("pagehide", flushForUnload);
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") flushForUnload();
    });
  }
  return tracker;
}

/** Tracks an event of the page being shown, once its title is the page's own (see page-title.ts). */
export function trackPageEvent<N extends EventName>(name: N, properties: EventProperties<N>): void {
  void pageTitleSettled().then(() => sharedTracker().track(name, properties));
}
