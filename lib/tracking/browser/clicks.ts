import { MAX_CLICK_TEXT_LENGTH } from "../constants.ts";
import type { EventProperties } from "../schema.ts";
import { EMAIL, stripUrl } from "./strip-url.ts";

export type ClickProperties = EventProperties<"click">;

// [type=submit] and [type=button] are inputs, or buttons anyway.
const CLICKABLE = "a,button,summary,[type=submit],[type=button],[role=button],[role=link],[role=tab],[role=menuitem]";
/** Clicks inside these say nothing: the shopper's data is private there. */
const PRIVATE = "[data-cs-private],[type=password],[type=email],[type=tel],[type=number]";

/**
 * What a click on `target` is worth recording, or undefined: the link, button or other control
 * it landed in, with its visible text (never an input's value) and its link stripped like a
 * page URL.
 */
export function clickProperties(target: Element): ClickProperties | undefined {
  const control = target.closest?.<HTMLAnchorElement>(CLICKABLE);
  if (!control || target.closest(PRIVATE)) return;
  const tag = control.tagName.toLowerCase();
  const text = tag == "input" ? "" : control.innerText.replace(/\s+/g, " ").trim().replace(EMAIL, "[email]");
  return {
    tag,
    id: control.id.slice(0, 100) || undefined,
    role: control.getAttribute("role")?.slice(0, 40) || undefined,
    // An SVG link's href is an object: no URL, no href.
    href: stripUrl(control.href) ?? undefined,
    text: text.slice(0, MAX_CLICK_TEXT_LENGTH) || undefined,
  };
}
