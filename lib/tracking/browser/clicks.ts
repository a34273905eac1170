import type { EventProperties } from "../schema.ts";
import { MAX_CLICK_TEXT_LENGTH } from "./limits.ts";
import { EMAIL, stripUrl } from "./strip-url.ts";

export type ClickProperties = EventProperties<"click">;

/**
 * What a click on `target` is worth recording, or undefined: the link, button or other control
 * it landed in, with its visible text and its link stripped like a page URL. Never an input's
 * value: an input has no child text, so its innerText is empty.
 */
export function clickProperties(target: Element): ClickProperties | undefined {
  // [type=submit] and [type=button] are inputs, or buttons anyway.
  const control = target.closest?.<HTMLAnchorElement>("a,button,summary,[type=submit],[type=button],[role=button],[role=link],[role=tab],[role=menuitem]");
  // Clicks inside these say nothing: the shopper's data is private there.
  if (control && !target.closest("[data-cs-private],[type=password],[type=email],[type=tel],[type=number]"))
    return {
      tag: control.tagName.toLowerCase(),
      id: control.id.slice(0, 100) || undefined,
      role: control.getAttribute("role")?.slice(0, 40) || undefined,
      // An SVG link's href is an object: no URL, no href.
      href: stripUrl(control.href) || undefined,
      text: control.innerText.replace(/\s+/g, " ").trim().replace(EMAIL, "[email]").slice(0, MAX_CLICK_TEXT_LENGTH) || undefined,
    };
}
