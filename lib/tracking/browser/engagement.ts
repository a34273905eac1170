import type { EventProperties } from "../schema.ts";
import { DAY_MS } from "./limits.ts";

export type Engagement = EventProperties<"engagement">;

/**
 * Measures how long the page is visible and focused and how far it is scrolled; the function
 * it returns ends the period (a route change, the page hidden) and starts the next from zero.
 */
export function engagementMeter(): () => Engagement {
  let visible = 0;
  let focused = 0;
  let scroll = 0;
  let last = 0;
  // Since `last`: 0 hidden, 1 visible, 2 visible and focused.
  let state = 0;
  const update = () => {
    const elapsed = Date.now() - last;
    last += elapsed;
    if (state) visible += elapsed;
    if (state > 1) focused += elapsed;
    state = document.visibilityState == "visible" ? (document.hasFocus() ? 2 : 1) : 0;
    // A page shorter than the window is read to the end; NaN (no layout) counts as 0.
    scroll = Math.max(scroll, Math.min(100, Math.round(((scrollY + innerHeight) * 100) / document.documentElement.scrollHeight)) || 0);
  };
  for (const type of "focus blur scroll visibilitychange".split(" ")) addEventListener(type, update, true);
  update();
  return () => {
    update();
    const period = { visible_ms: Math.min(visible, DAY_MS), focused_ms: Math.min(focused, DAY_MS), max_scroll_pct: scroll };
    visible = focused = scroll = 0;
    return period;
  };
}
