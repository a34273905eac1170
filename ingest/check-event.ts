import {
  SERVER_ONLY_EVENTS,
  describeIssues,
  trackedEventSchema,
  trackedEventV1Schema,
  type EventFlag,
  type TrackedEvent,
  type TrackedEventV1,
} from "../lib/tracking/schema.ts";
import { fastValidator } from "../lib/tracking/schema/fast-validate.ts";
import { applyFieldLimits } from "./field-limits.ts";

export type EventVerdict =
  | { ok: true; version: 2; event: TrackedEvent; flags: EventFlag[] }
  | { ok: true; version: 1; event: TrackedEventV1; flags: EventFlag[] }
  | { ok: false; reason: string };

export const USER_ID_FROM_BROWSER = "user_id is set by the ingest from the verified sign-in; a browser event must not carry it";

export function serverOnlyReason(eventName: string): string {
  return `${eventName} events are accepted from the shop's server only (signed requests)`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

// zod's verdicts, fast: a validator compiled from the schemas (each event name on first use)
// accepts what zod accepts, and zod itself judges the rest, with its reasons.
const eventV2 = fastValidator(trackedEventSchema);
const eventV1 = fastValidator(trackedEventV1Schema);

/**
 * One event of a batch, judged on its own with the schema of its batch's version, after field
 * limits. The trust rules come first, so a browser's purchase is refused for what it is rather
 * than for a field it got wrong. A version 1 event's user_id is kept as it was sent (version 1
 * required it) but never believed: the lake record's user_id comes from the verified sign-in.
 */
export function checkEvent(candidate: unknown, version: 1 | 2, trusted: boolean): EventVerdict {
  if (!trusted && isObject(candidate)) {
    const name = candidate.event_name;
    if (typeof name === "string" && SERVER_ONLY_EVENTS.has(name)) return { ok: false, reason: serverOnlyReason(name) };
    if (version === 2 && Object.hasOwn(candidate, "user_id")) return { ok: false, reason: USER_ID_FROM_BROWSER };
  }
  const { event, flags } = applyFieldLimits(candidate);
  // What is kept is the event as it arrived (after field limits), not zod's copy of it: the
  // schemas transform nothing, and the copy would differ in key order and drop odd keys such as
  // a "__proto__" search filter.
  if (version === 1) {
    const verdict = eventV1.check(event);
    return verdict.success ? { ok: true, version, event: event as TrackedEventV1, flags } : { ok: false, reason: describeIssues(verdict.error) };
  }
  const verdict = eventV2.check(event);
  return verdict.success ? { ok: true, version, event: event as TrackedEvent, flags } : { ok: false, reason: describeIssues(verdict.error) };
}
