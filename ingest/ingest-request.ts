import type { S3Client } from "@aws-sdk/client-s3";
import { verifySignature } from "../lib/tracking/server/signature.ts";
import { processBatch } from "./process-batch.ts";
import { writeLakeObject } from "./lake-writer.ts";

export interface IngestResponse {
  status: number;
  body: Record<string, unknown>;
}

export interface IngestDeps {
  s3: S3Client;
  bucket: string;
  /** Shared with the shop's server: a request signed with it is trusted (may carry purchases). */
  serverEventsSecret?: string;
  now?: () => Date;
  log?: (message: string, fields: Record<string, unknown>) => void;
}

/**
 * Validates a request and writes what it keeps: valid events to raw/, rejected ones to
 * rejected/ with their reasons. A failed write answers 503 so the tracker retries; the ETL
 * drops the duplicates a retry may cause by event_id.
 */
export async function ingestRequest(
  request: { body: string; userAgent: string | null; signature?: string | null },
  deps: IngestDeps,
): Promise<IngestResponse> {
  const receivedAt = (deps.now ?? (() => new Date()))();
  // A request that claims to be the server's and cannot prove it is refused whole: a browser
  // never signs, so this is a misconfigured server or a forgery, and either should be loud.
  let trusted = false;
  if (request.signature) {
    if (!deps.serverEventsSecret) return { status: 401, body: { error: "this ingest accepts no signed server events (no secret configured)" } };
    const check = verifySignature(request.body, request.signature, deps.serverEventsSecret, receivedAt);
    if (!check.ok) return { status: 401, body: { error: `server event signature refused: ${check.reason}` } };
    trusted = true;
  }
  const decision = processBatch({ body: request.body, userAgent: request.userAgent, receivedAt, trusted });
  if (decision.kind === "invalid-request") {
    return { status: decision.status, body: { error: decision.message } };
  }
  const { accepted, rejected } = decision;
  try {
    await Promise.all([
      accepted.length > 0 ? writeLakeObject(deps.s3, deps.bucket, "raw", receivedAt, accepted) : null,
      rejected.length > 0 ? writeLakeObject(deps.s3, deps.bucket, "rejected", receivedAt, rejected) : null,
    ]);
  } catch (error) {
    deps.log?.("lake write failed", { error: String(error), accepted: accepted.length, rejected: rejected.length });
    return { status: 503, body: { error: "events could not be stored; retry later" } };
  }
  return {
    status: 200,
    body: {
      accepted: accepted.length,
      rejected: rejected.map(({ index, reason }) => ({ index, reason })),
    },
  };
}
