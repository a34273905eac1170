import type pg from "pg";
import { z } from "zod";
import { SCHEMA_VERSION } from "../tracking/constants.ts";
import { SIGNATURE_HEADER, signBody } from "../tracking/server/signature.ts";
import { retryDelayMs } from "./backoff.ts";
import { httpSender, type IngestSender } from "./ingest-sender.ts";
import { BACKLOG, CLAIM_DUE, MARK_DELIVERED, MARK_FAILED } from "./outbox-queries.ts";

export interface RelayDeps {
  pool: pg.Pool;
  /** The ingest's events endpoint (server to server), POSTed to unless `sender` is given. */
  ingestUrl?: string;
  /** How to reach the ingest instead of POSTing to `ingestUrl` (e.g. `lambdaSender`). */
  sender?: IngestSender;
  /** Shared with the ingest; signs every request. */
  secret: string;
  fetch?: typeof fetch;
  batchSize?: number;
  timeoutMs?: number;
  random?: () => number;
  log?: (message: string, fields: Record<string, unknown>) => void;
}

export interface RelayResult {
  delivered: number;
  /** Accepted by the ingest's envelope but refused one by one (a bug: logged, not retried). */
  refused: number;
  failed: number;
}

const claimedSchema = z.array(z.object({ event_id: z.string(), event: z.unknown(), attempts: z.number() }));
const ingestAnswerSchema = z.object({
  accepted: z.number(),
  rejected: z.array(z.object({ index: z.number(), reason: z.string() })),
});

/**
 * Sends one batch of due outbox rows to the ingest, signed, and records the outcome in the same
 * transaction that claimed them (`FOR UPDATE SKIP LOCKED`: relays running side by side never
 * send a row twice at once). A row is done when the ingest answered 200; a network error, a
 * timeout or any other status puts the batch back with a growing, jittered delay. Event ids
 * were fixed when the rows were written, so a batch resent after a lost answer is only a
 * duplicate the warehouse drops.
 */
export async function relayOnce(deps: RelayDeps): Promise<RelayResult> {
  const client = await deps.pool.connect();
  try {
    await client.query("BEGIN");
    const rows = claimedSchema.parse((await client.query(CLAIM_DUE, [deps.batchSize ?? 50])).rows);
    if (rows.length === 0) {
      await client.query("COMMIT");
      return { delivered: 0, refused: 0, failed: 0 };
    }
    const ids = rows.map((row) => row.event_id);
    const body = JSON.stringify({ schema_version: SCHEMA_VERSION, sent_at: new Date().toISOString(), events: rows.map((row) => row.event) });
    const outcome = await send(deps, body);
    if (outcome.ok) {
      const refusedAt = new Map(outcome.rejected.map((rejection) => [rejection.index, rejection.reason]));
      const accepted = ids.filter((_, index) => !refusedAt.has(index));
      if (accepted.length > 0) await client.query(MARK_DELIVERED, [accepted, null]);
      for (const [index, reason] of refusedAt) {
        const id = ids[index];
        if (!id) continue;
        deps.log?.("ingest refused a server event", { event_id: id, reason });
        await client.query(MARK_DELIVERED, [[id], `refused by the ingest: ${reason}`]);
      }
      await client.query("COMMIT");
      return { delivered: accepted.length, refused: refusedAt.size, failed: 0 };
    }
    const attempts = Math.max(...rows.map((row) => row.attempts)) + 1;
    await client.query(MARK_FAILED, [ids, outcome.error.slice(0, 1000), retryDelayMs(attempts, deps.random)]);
    await client.query("COMMIT");
    deps.log?.("outbox delivery failed; will retry", { events: ids.length, attempts, error: outcome.error });
    return { delivered: 0, refused: 0, failed: ids.length };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

type SendOutcome = { ok: true; rejected: Array<{ index: number; reason: string }> } | { ok: false; error: string };

async function send(deps: RelayDeps, body: string): Promise<SendOutcome> {
  try {
    const { status, text } = await senderOf(deps)({
      body,
      headers: { "content-type": "text/plain;charset=UTF-8", [SIGNATURE_HEADER]: signBody(body, deps.secret) },
      timeoutMs: deps.timeoutMs ?? 10_000,
    });
    if (status !== 200) return { ok: false, error: `ingest answered ${status}: ${text.slice(0, 300)}` };
    const answer = ingestAnswerSchema.safeParse(JSON.parse(text));
    if (!answer.success) return { ok: false, error: `ingest answered 200 with an unexpected body: ${text.slice(0, 300)}` };
    return { ok: true, rejected: answer.data.rejected };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

function senderOf(deps: RelayDeps): IngestSender {
  if (deps.sender) return deps.sender;
  if (!deps.ingestUrl) throw new Error("the outbox relay needs an ingestUrl or a sender");
  return httpSender(deps.ingestUrl, deps.fetch ?? fetch);
}

/** Relays until nothing is due (or a batch fails), for a timer tick or an `after()` nudge. */
export async function drainOutbox(deps: RelayDeps, maxBatches = 20): Promise<RelayResult> {
  const total: RelayResult = { delivered: 0, refused: 0, failed: 0 };
  for (let batch = 0; batch < maxBatches; batch++) {
    const result = await relayOnce(deps);
    total.delivered += result.delivered;
    total.refused += result.refused;
    total.failed += result.failed;
    if (result.failed > 0 || result.delivered + result.refused === 0) break;
  }
  return total;
}

export async function outboxBacklog(pool: pg.Pool): Promise<{ waiting: number; oldestSeconds: number }> {
  const row = z.object({ waiting: z.number(), oldest_seconds: z.number() }).parse((await pool.query(BACKLOG)).rows[0]);
  return { waiting: row.waiting, oldestSeconds: row.oldest_seconds };
}
