import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import {
  MAX_BATCH_BYTES,
  MAX_CLICK_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
  MAX_URL_LENGTH,
  rawEventRecordSchema,
  rejectedEventRecordSchema,
  type EventFlag,
} from "../lib/tracking/schema.ts";
import { batchBody } from "../lib/tracking/testing/event-factory.ts";
import { processBatch, type IngestDecision } from "./process-batch.ts";
import { batchCase, instant, isoAt, RECEIVED_AT, sourceIp, type Case, type Json } from "./testing/event-arbitraries.ts";

// Property-based fuzzing of the ingest core: 11,000 generated batches, valid, mutated and junk,
// of both versions, signed and not. Whatever arrives, processBatch never throws; every event is
// either kept exactly as sent (but for the documented, flagged cuts) or set aside with its index
// and a reason, and the two add up to the batch.

const FUTURE_MS = 10 * 60_000;
const LONG_AGO_MS = 30 * 24 * 3_600_000;
const EARLIEST = Date.parse("0000-01-01T00:00:00.000Z");
const LATEST = Date.parse("9999-12-31T23:59:59.999Z");

/** The fields the ingest may cut, where they are and how much it may drop (a code point, a "%xx" escape). */
const cuts: ReadonlyArray<{ flag: EventFlag; path: [string, string]; max: number; slack: number; clickOnly?: boolean }> = [
  { flag: "page_url_truncated", path: ["page", "url"], max: MAX_URL_LENGTH, slack: 3 },
  { flag: "page_referrer_truncated", path: ["page", "referrer"], max: MAX_URL_LENGTH, slack: 3 },
  { flag: "page_title_truncated", path: ["page", "title"], max: MAX_TITLE_LENGTH, slack: 1 },
  { flag: "click_href_truncated", path: ["properties", "href"], max: MAX_URL_LENGTH, slack: 3, clickOnly: true },
  { flag: "click_text_truncated", path: ["properties", "text"], max: MAX_CLICK_TEXT_LENGTH, slack: 1, clickOnly: true },
];

/** toEqual, with a fast path: vitest's deep equality would take most of the run's time. */
function same(actual: unknown, expected: unknown): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toEqual(expected);
}

const field = (event: Json, [outer, inner]: [string, string]): unknown => (event[outer] as Json | undefined)?.[inner];

/** The stored event is the sent one, but for over-long strings cut to a prefix within their limit; returns the cut flags expected. */
function expectKeptAsSent(stored: Json, sent: Json): EventFlag[] {
  const flags: EventFlag[] = [];
  const expected = structuredClone(sent);
  for (const cut of cuts) {
    if (cut.clickOnly && sent.event_name !== "click") continue;
    const sentValue = field(sent, cut.path);
    if (typeof sentValue !== "string" || sentValue.length <= cut.max) continue;
    const storedValue = field(stored, cut.path);
    expect(typeof storedValue).toBe("string");
    const kept = storedValue as string;
    expect(sentValue.startsWith(kept)).toBe(true);
    expect(kept.length).toBeLessThanOrEqual(cut.max);
    expect(kept.length).toBeGreaterThanOrEqual(cut.max - cut.slack);
    (expected[cut.path[0]] as Json)[cut.path[1]] = kept;
    flags.push(cut.flag);
  }
  same(stored, expected);
  return flags;
}

function expectedTimeFlags(occurredAt: string, sentAt: string): { derivedAt: string; flags: EventFlag[] } {
  const derived = RECEIVED_AT.getTime() - (Date.parse(sentAt) - Date.parse(occurredAt));
  const flags: EventFlag[] = [];
  if (derived > RECEIVED_AT.getTime() + FUTURE_MS) flags.push("occurred_in_future");
  if (derived < RECEIVED_AT.getTime() - LONG_AGO_MS) flags.push("occurred_long_ago");
  return { derivedAt: new Date(Math.min(Math.max(derived, EARLIEST), LATEST)).toISOString(), flags };
}

/** What holds for every batch, whatever its events. */
function expectPartition(decision: Extract<IngestDecision, { kind: "batch" }>, sent: unknown[]): void {
  expect(decision.accepted.length + decision.rejected.length).toBe(sent.length);
  for (const record of decision.accepted) rawEventRecordSchema.parse(record);
  for (const record of decision.rejected) {
    rejectedEventRecordSchema.parse(record);
    expect(record.reason.length).toBeGreaterThan(0);
    same(record.payload, sent[record.index]);
  }
  const rejectedIndexes = decision.rejected.map((record) => record.index);
  expect(new Set(rejectedIndexes).size).toBe(rejectedIndexes.length);
  expect(rejectedIndexes.every((index) => index >= 0 && index < sent.length)).toBe(true);
}

function eventIdOf(item: Case): unknown {
  const id = typeof item.event === "object" && item.event !== null ? (item.event as Json).event_id : undefined;
  return typeof id === "string" ? id : item;
}

const batchContext = fc.record({
  version: fc.constantFrom(1 as const, 2 as const),
  trusted: fc.boolean(),
  sentAt: instant.chain(isoAt),
  userId: fc.option(fc.uuid(), { nil: null }),
  userAgent: fc.oneof(fc.constant(null), fc.string({ unit: "binary", maxLength: 200 }), fc.integer({ min: 1000, max: 1100 }).map((length) => "Mozilla/5.0 😀".repeat(length / 13 + 1).slice(0, length))),
  source: sourceIp,
  geo: fc.option(
    fc.record({
      country: fc.constantFrom("GB", "DE", "US"),
      region: fc.option(fc.constantFrom("England", "Hesse"), { nil: null }),
      city: fc.option(fc.constantFrom("London", "Frankfurt am Main", "São Paulo"), { nil: null }),
      source: fc.constantFrom("dbip" as const, "cloudfront" as const),
    }),
    { nil: null },
  ),
});

const mixedBatch = batchContext.chain((context) =>
  fc.record({
    context: fc.constant(context),
    // Unique event ids, also while shrinking: a repeated id is a case of its own (repeatOne).
    cases: fc.uniqueArray(batchCase(context.version, context.trusted), { minLength: 1, maxLength: 8, selector: eventIdOf }),
    repeatOne: fc.boolean(),
  }),
);

describe("processBatch under fuzzing", () => {
  it("keeps every valid event as sent and sets every other aside with its index and reason (5,000 mixed batches)", () => {
    fc.assert(
      fc.property(mixedBatch, ({ context, cases, repeatOne }) => {
        const all: Case[] = [...cases];
        // A tracker retry inside one batch: the first copy is kept, the second refused.
        const firstAccepted = cases.find((item) => item.expect.kind === "accept");
        if (repeatOne && firstAccepted) all.push({ event: firstAccepted.event, expect: { kind: "reject", reason: "duplicate event_id in batch" } });

        const body = JSON.stringify({ schema_version: context.version, sent_at: context.sentAt, events: all.map((item) => item.event) });
        const sent = (JSON.parse(body) as { events: unknown[] }).events;
        const decision = processBatch({
          body,
          receivedAt: RECEIVED_AT,
          userAgent: context.userAgent,
          sourceIp: context.source.ip,
          geo: context.geo,
          userId: context.userId,
          trusted: context.trusted,
        });
        if (Buffer.byteLength(body) > MAX_BATCH_BYTES) {
          expect(decision).toMatchObject({ kind: "invalid-request", status: 413 });
          return;
        }
        if (decision.kind !== "batch") throw new Error(`expected a batch, got ${decision.status}: ${decision.message}`);
        expectPartition(decision, sent);

        const acceptedIndexes = all.flatMap((item, index) => (item.expect.kind === "accept" ? [index] : []));
        expect(decision.accepted).toHaveLength(acceptedIndexes.length);
        decision.accepted.forEach((record, position) => {
          const sentEvent = sent[acceptedIndexes[position] ?? -1] as Json;
          const cutFlags = expectKeptAsSent(record.event as Json, sentEvent);
          const time = expectedTimeFlags(String(sentEvent.occurred_at), context.sentAt);
          const { event: _event, schema_version: _schema, user_agent: _agent, ...edge } = record;
          same(edge, {
            event_version: context.version,
            sent_at: context.sentAt,
            received_at: RECEIVED_AT.toISOString(),
            derived_at: time.derivedAt,
            user_id: context.userId,
            client_ip: context.source.kept,
            geo: context.geo,
            trusted: context.trusted,
            flags: [...cutFlags, ...time.flags],
          });
          const agent = context.userAgent;
          if (agent === null || agent.length <= 1024) expect(record.user_agent).toBe(agent);
          else expect(agent.startsWith(record.user_agent ?? "-") && (record.user_agent?.length ?? 0) >= 1023).toBe(true);
        });

        const rejectedIndexes = all.flatMap((item, index) => (item.expect.kind === "reject" ? [index] : []));
        same(decision.rejected.map((record) => record.index), rejectedIndexes);
        decision.rejected.forEach((record) => {
          const expectation = all[record.index]?.expect;
          if (expectation?.kind === "reject" && expectation.reason) expect(record.reason).toBe(expectation.reason);
        });
      }),
      { numRuns: 5_000 },
    );
  }, 60_000);

  it("sets aside junk of any JSON shape inside a valid envelope (3,000 batches)", () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 2), fc.boolean(), fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 1, maxLength: 20 }), (version, trusted, events) => {
        const body = batchBody(events, RECEIVED_AT, version);
        const sent = (JSON.parse(body) as { events: unknown[] }).events;
        const decision = processBatch({ body, receivedAt: RECEIVED_AT, userAgent: null, sourceIp: null, userId: null, trusted });
        if (decision.kind !== "batch") throw new Error(`expected a batch, got ${decision.status}: ${decision.message}`);
        expectPartition(decision, sent);
        expect(decision.accepted).toEqual([]);
      }),
      { numRuns: 3_000 },
    );
  }, 60_000);

  it("answers any body that is not a batch with 400 or 413 and a reason, and never throws (3,000 bodies)", () => {
    const envelopeLike = fc
      .record(
        {
          schema_version: fc.oneof(fc.constantFrom(0, 1, 2, 3, "2", null), fc.jsonValue({ maxDepth: 1 })),
          sent_at: fc.oneof(instant.map((at) => at.toISOString()), fc.jsonValue({ maxDepth: 1 })),
          events: fc.oneof(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 120 }), fc.jsonValue({ maxDepth: 2 })),
          extra: fc.jsonValue({ maxDepth: 1 }),
        },
        { requiredKeys: [] },
      )
      .map((envelope) => JSON.stringify(envelope));
    const body = fc.oneof(fc.string({ unit: "binary-ascii" }), fc.string({ unit: "grapheme" }), fc.jsonValue().map((value) => JSON.stringify(value)), envelopeLike);
    fc.assert(
      fc.property(body, fc.boolean(), (text, trusted) => {
        const decision = processBatch({ body: text, receivedAt: RECEIVED_AT, userAgent: text, sourceIp: text, userId: null, trusted });
        if (decision.kind === "invalid-request") {
          expect([400, 413]).toContain(decision.status);
          expect(decision.message.length).toBeGreaterThan(0);
          return;
        }
        expectPartition(decision, (JSON.parse(text) as { events: unknown[] }).events);
      }),
      { numRuns: 3_000 },
    );
  }, 60_000);
});
