import { SERVER_ONLY_EVENTS } from "../../lib/tracking/schema.ts";
import { oneOfEach } from "../../lib/tracking/testing/event-factory.ts";

/** A batch body of `count` valid browser events of every name, as the tracker sends it (benchmarks). */
export function browserBatch(count: number): string {
  const events = [];
  while (events.length < count) events.push(...oneOfEach().filter((event) => !SERVER_ONLY_EVENTS.has(event.event_name)));
  return JSON.stringify({ schema_version: 2, sent_at: new Date().toISOString(), events: events.slice(0, count) });
}
