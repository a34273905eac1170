import type { EventProperties } from "../schema.ts";

export type Engagement = EventProperties<"engagement">;

const DAY_MS = 86_400_000;

/**
 * Measures how long the page is visible and focused and how far it is scrolled; the function
 * it returns ends the period (a route change, the page hidden) and starts the next from zero.
 */
export function engagementMeter(): () => Engagement {
  let visible = 0;
  let focused = 0;
  let scroll = 0;
  let last = 0;
  let wasVisible = false;
  let wasFocused = false;
  const update = () => {
    const now = Date.now();
    if (wasVisible) visible += now - last;
    if (wasFocused) focused += now - last;
    last = now;
    wasVisible = document.visibilityState == "visible";
    wasFocused = wasVisible && document.hasFocus();
    // A page shorter than the window is read to the end; NaN (no layout) counts as 0.
    scroll = Math.max(scroll, Math.min(100, Math.round(((scrollY + innerHeight) * 100) / document.documentElement.scrollHeight)) || 0);
  };
  for (const type of ["focus", "blur", "scroll", "visibilitychange"]) addEventListener(type, update, true);
  update();
  return () => {
    update();
    const period = { visible_ms: Math.min(visible, DAY_MS), focused_ms: Math.min(focused, DAY_MS), max_scroll_pct: scroll };
    visible = focused = scroll = 0;
    return period;
  };
}
