import {
  MAX_BATCH_BYTES,
  SCHEMA_VERSION,
  SERVER_ONLY_EVENTS,
  batchEnvelopeSchema,
  describeIssues,
  trackedEventSchema,
  type RawEventRecord,
  type RejectedEventRecord,
} from "../lib/tracking/schema.ts";

export interface IngestRequest {
  /** The request body as received (already base64-decoded). */
  body: string;
  receivedAt: Date;
  userAgent: string | null;
  /** The request carried a valid server signature (ingest-request.ts checked it). */
  trusted: boolean;
}

export type IngestDecision =
  | { kind: "invalid-request"; status: 400 | 413; message: string }
  | { kind: "batch"; accepted: RawEventRecord[]; rejected: RejectedEventRecord[] };

const MAX_USER_AGENT_LENGTH = 1024;

/** Why a body over the limit is refused (413), here and in the local API Gateway adapter. */
export const BATCH_TOO_LARGE = `batch is larger than ${MAX_BATCH_BYTES} bytes (${MAX_BATCH_BYTES / 1024} KiB), the ingest limit`;

/**
 * The ingest core, free of AWS: decides what of a request is kept. The envelope must be a
 * valid batch (else 400/413 with a reason); then each event is validated on its own, so one
 * malformed event is set aside with its reason and never takes its neighbours down.
 */
export function processBatch(request: IngestRequest): IngestDecision {
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

  const received_at = request.receivedAt.toISOString();
  const user_agent = request.userAgent?.slice(0, MAX_USER_AGENT_LENGTH) ?? null;
  const accepted: RawEventRecord[] = [];
  const rejected: RejectedEventRecord[] = [];
  const seen = new Set<string>();
  envelope.data.events.forEach((candidate, index) => {
    const parsed = trackedEventSchema.safeParse(candidate);
    if (!parsed.success) {
      rejected.push({ schema_version: SCHEMA_VERSION, received_at, index, reason: describeIssues(parsed.error), payload: candidate });
      return;
    }
    if (!request.trusted && SERVER_ONLY_EVENTS.has(parsed.data.event_name)) {
      const reason = `${parsed.data.event_name} events are accepted from the shop's server only (signed requests)`;
      rejected.push({ schema_version: SCHEMA_VERSION, received_at, index, reason, payload: candidate });
      return;
    }
    // A batch repeating an event id is a client bug; keep the first and say so.
    if (seen.has(parsed.data.event_id)) {
      rejected.push({ schema_version: SCHEMA_VERSION, received_at, index, reason: "duplicate event_id in batch", payload: candidate });
      return;
    }
    seen.add(parsed.data.event_id);
    accepted.push({ schema_version: SCHEMA_VERSION, received_at, sent_at: envelope.data.sent_at, user_agent, trusted: request.trusted, event: parsed.data });
  });
  return { kind: "batch", accepted, rejected };
}
