import type { Delivery } from "./delivery.ts";

/** What a generated clickstream holds, counted as it was made: what the warehouse should show for it. */
export interface ClickstreamSummary {
  /** Lake objects (one per request the ingest stored), retries included. */
  objects: number;
  /** Lines in them: every delivery of every event. */
  lines: number;
  /** Distinct events: fact_event's rows. */
  events: number;
  /** Lines beyond their event's first delivery: what the ETL counts as duplicates. */
  duplicates: number;
  /** Requests sent again after the ingest had stored them (all their lines are duplicates). */
  retryObjects: number;
  /** Distinct events by name. */
  eventsByName: Record<string, number>;
  /** Visitors (anonymous ids) with a delivered event. */
  visitors: number;
  botVisitors: number;
  /** Visits with a delivered event: fact_session's rows. */
  sessions: number;
  botSessions: number;
  /** Visits with an order. */
  convertedSessions: number;
  /** Visitors with an event that names a user: identity_map's rows. */
  identifiedVisitors: number;
  purchases: number;
  orderLines: number;
  subtotalCents: number;
  revenueCents: number;
  /** Browser events never delivered that a later event of the same visitor shows as a seq gap. */
  lostEvents: number;
  /** Browser events never delivered after their visitor's last delivered one: no gap shows them. */
  lostUnseen: number;
  /** Objects received more than an hour after their newest event happened, and their lines. */
  lateObjects: number;
  lateLines: number;
  /** Products the catalog announced: dim_product's rows. */
  products: number;
  /** The true times of the first and last event, and when the last object was received. */
  firstEventAt: string;
  lastEventAt: string;
  lastReceivedAt: string;
}

export function emptySummary(): ClickstreamSummary {
  return {
    objects: 0, lines: 0, events: 0, duplicates: 0, retryObjects: 0, eventsByName: {}, visitors: 0, botVisitors: 0, sessions: 0,
    botSessions: 0, convertedSessions: 0, identifiedVisitors: 0, purchases: 0, orderLines: 0, subtotalCents: 0, revenueCents: 0,
    lostEvents: 0, lostUnseen: 0, lateObjects: 0, lateLines: 0, products: 0, firstEventAt: "", lastEventAt: "", lastReceivedAt: "",
  };
}

/** Counts one object's lines; returns whether any of its records names a user. */
export function countDelivery(summary: ClickstreamSummary, delivery: Delivery): boolean {
  const lines = delivery.records.length;
  summary.objects += 1;
  summary.lines += lines;
  if (delivery.late) {
    summary.lateObjects += 1;
    summary.lateLines += lines;
  }
  const received = new Date(delivery.receivedAt).toISOString();
  if (received > summary.lastReceivedAt) summary.lastReceivedAt = received;
  if (delivery.retry) {
    summary.retryObjects += 1;
    summary.duplicates += lines;
    return false;
  }
  let namesUser = false;
  for (const { event, user_id, trusted } of delivery.records) {
    summary.events += 1;
    summary.eventsByName[event.event_name] = (summary.eventsByName[event.event_name] ?? 0) + 1;
    if (user_id !== null || (trusted && "user_id" in event && event.user_id !== undefined)) namesUser = true;
    if (event.event_name === "purchase") {
      summary.purchases += 1;
      summary.orderLines += event.properties.items.length;
      summary.subtotalCents += event.properties.subtotal_cents;
      summary.revenueCents += event.properties.revenue_cents;
    }
  }
  return namesUser;
}
