import { MAX_GEO_NAME_LENGTH } from "../../lib/tracking/schema.ts";
import { cutText } from "../field-limits.ts";

/** A region or city name as the lake keeps it: trimmed and cut, null when there is none. */
export function geoName(value: string | null | undefined): string | null {
  const name = value?.trim();
  return name ? cutText(name, MAX_GEO_NAME_LENGTH).trim() : null;
}
