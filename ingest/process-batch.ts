import {
  MAX_BATCH_BYTES,
  SCHEMA_VERSION,
  batchEnvelopeSchema,
  describeIssues,
  type Geo,
  type RawEventRecord,
  type RejectedEventRecord,
} from "../lib/tracking/schema.ts";
import { checkEvent } from "./check-event.ts";
import { cutText } from "./field-limits.ts";
import { BATCH_TOO_LARGE } from "./decode-body.ts";
import { batchClock } from "./event-time.ts";
import { truncateIp } from "./truncate-ip.ts";

export interface BatchRequest {
  /** The batch as text (already base64-decoded and inflated). */
  body: string;
  receivedAt: Date;
  userAgent: string | null;
  /** The client's address: only its truncation (truncate-ip.ts) is kept. */
  sourceIp: string | null;
  /** Where the client is, looked up from its full address before this truncates it; null when unknown. */
  geo?: Geo | null;
  /** The signed-in shopper from a verified ID token (request-user.ts); never from the body. */
  userId: string | null;
  /** The request carried a valid server signature (ingest-request.ts checked it). */
  trusted: boolean;
}

export type IngestDecision =
  | { kind: "invalid-request"; status: 400 | 413; message: string }
  | { kind: "batch"; accepted: RawEventRecord[]; rejected: RejectedEventRecord[] };

const MAX_USER_AGENT_LENGTH = 1024;

/**
 * The ingest core, free of HTTP and AWS: decides what of a batch is kept. The envelope must be
 * a valid batch (else 400/413 with a reason); then each event is judged on its own with the
 * schema of the envelope's version (check-event.ts), so one malformed event is set aside with
 * its reason and never takes its neighbours down. What is kept is the event as sent (after field
 * limits, flagged) with what the ingest knew at the edge.
 */
export function processBatch(request: BatchRequest): IngestDecision {
  if (Buffer.byteLength(request.body, "utf8") > MAX_BATCH_BYTES) {
    return { kind: "invalid-request", status: 413, message: BATCH_TOO_LARGE };
  }
  let json: unknown;
  try {
    json = JSON.parse(request.body);
  } catch {
    return { kind: "invalid-request", status: 400, message: "body is not valid JSON" };
  }
  const envelope = batchEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    return { kind: "invalid-request", status: 400, message: `not a valid event batch: ${describeIssues(envelope.error)}` };
  }

  const { schema_version: version, sent_at, events } = envelope.data;
  const received_at = request.receivedAt.toISOString();
  const user_agent = request.userAgent === null ? null : cutText(request.userAgent, MAX_USER_AGENT_LENGTH);
  const client_ip = truncateIp(request.sourceIp);
  const geo = request.geo ?? null;
  const { userId: user_id, trusted } = request;
  const derivedAt = batchClock(sent_at, request.receivedAt);
  const accepted: RawEventRecord[] = [];
  const rejected: RejectedEventRecord[] = [];
  const reject = (index: number, reason: string, payload: unknown) =>
    rejected.push({ schema_version: SCHEMA_VERSION, received_at, index, reason, payload });
  const seen = new Set<string>();
  for (const [index, candidate] of events.entries()) {
    const verdict = checkEvent(candidate, version, trusted);
    if (!verdict.ok) {
      reject(index, verdict.reason, candidate);
      continue;
    }
    // A batch repeating an event id is a client bug; keep the first and say so.
    if (seen.has(verdict.event.event_id)) {
      reject(index, "duplicate event_id in batch", candidate);
      continue;
    }
    seen.add(verdict.event.event_id);
    const { flags } = verdict;
    const derived_at = derivedAt(verdict.event.occurred_at, flags);
    // One object literal per record: cheaper than spreading shared edge fields into each.
    accepted.push(
      verdict.version === 2
        ? { schema_version: SCHEMA_VERSION, event_version: 2, received_at, sent_at, derived_at, user_agent, client_ip, geo, user_id, trusted, flags, event: verdict.event }
        : { schema_version: SCHEMA_VERSION, event_version: 1, received_at, sent_at, derived_at, user_agent, client_ip, geo, user_id, trusted, flags, event: verdict.event },
    );
  }
  return { kind: "batch", accepted, rejected };
}
