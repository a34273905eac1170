import type { S3Client } from "@aws-sdk/client-s3";
import { processBatch } from "./process-batch.ts";
import { writeLakeObject } from "./lake-writer.ts";

export interface IngestResponse {
  status: number;
  body: Record<string, unknown>;
}

export interface IngestDeps {
  s3: S3Client;
  bucket: string;
  now?: () => Date;
  log?: (message: string, fields: Record<string, unknown>) => void;
}

/**
 * Validates a request and writes what it keeps: valid events to raw/, rejected ones to
 * rejected/ with their reasons. A failed write answers 503 so the tracker retries; the ETL
 * drops the duplicates a retry may cause by event_id.
 */
export async function ingestRequest(
  request: { body: string; userAgent: string | null },
  deps: IngestDeps,
): Promise<IngestResponse> {
  const receivedAt = (deps.now ?? (() => new Date()))();
  const decision = processBatch({ ...request, receivedAt });
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
