import { SIGNATURE_HEADER, verifySignature } from "../lib/tracking/server/signature.ts";
import { clientOrigin, type ProxyTrust } from "./client-origin.ts";
import { decodeBody } from "./decode-body.ts";
import type { GeoLookup } from "./geo/dbip-lookup.ts";
import { putLakeObject, type LakeStore } from "./lake-writer.ts";
import { processBatch } from "./process-batch.ts";
import { verifiedUserId, type IdTokenCheck } from "./request-user.ts";

/** A request as the edge hands it over, free of API Gateway's shapes (handler.ts adapts them). */
export interface IngestHttpRequest {
  method: string;
  /** Header names in lower case; `cookie` holds every cookie of the request. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The body's bytes as received, still content-encoded. */
  body: Buffer;
  /** The peer's address as the edge saw it (behind a proxy, the proxy's). Never stored or logged whole. */
  sourceIp: string | null;
}

export interface IngestResponse {
  status: number;
  headers?: Record<string, string>;
  body: Record<string, unknown>;
}

export type Log = (message: string, fields: Record<string, unknown>) => void;

export interface IngestDeps {
  store: LakeStore;
  /** Shared with the shop's server: a request signed with it is trusted (may carry server-only events). */
  serverEventsSecret?: string | undefined;
  /** Checks the shopper's Cognito ID token; without it no event gets a user. */
  idTokens?: IdTokenCheck | null | undefined;
  /** Whose forwarding headers name the client (client-origin.ts); by default nobody's. */
  proxies?: ProxyTrust | undefined;
  /** Where a client is, from its full address; without it no event gets a geography. */
  geo?: GeoLookup | null | undefined;
  now?: () => Date;
  log?: Log | undefined;
}

/**
 * The ingest behind any edge: decodes the body (gzip), checks a server signature, takes the
 * shopper from a verified ID token, the client's address from the edge or a proxy it trusts
 * (client-origin.ts) and its geography from that full address or CloudFront's word, decides
 * what of the batch is kept (process-batch.ts) and writes it: valid events to raw/, rejected
 * ones to rejected/ with their reasons, one object each per request. A failed write answers 503
 * so the tracker retries; the ETL drops the duplicates a retry may cause by event_id.
 */
export async function ingestRequest(request: IngestHttpRequest, deps: IngestDeps): Promise<IngestResponse> {
  const receivedAt = (deps.now ?? (() => new Date()))();
  if (request.method !== "POST") {
    return { status: 405, headers: { allow: "POST, OPTIONS" }, body: { error: `method ${request.method.slice(0, 16)} not allowed: POST only` } };
  }
  const decoded = decodeBody(request.body, request.headers["content-encoding"]);
  if (!decoded.ok) return { status: decoded.status, body: { error: decoded.message } };

  // A request that claims to be the server's and cannot prove it is refused whole: a browser
  // never signs, so this is a misconfigured server or a forgery, and either should be loud. The
  // signature covers the batch as sent, before any content encoding.
  let trusted = false;
  const signature = request.headers[SIGNATURE_HEADER];
  if (signature) {
    if (!deps.serverEventsSecret) return { status: 401, body: { error: "this ingest accepts no signed server events (no secret configured)" } };
    const check = verifySignature(decoded.text, signature, deps.serverEventsSecret, receivedAt);
    if (!check.ok) return { status: 401, body: { error: `server event signature refused: ${check.reason}` } };
    trusted = true;
  }

  const userId = await verifiedUserId(request.headers, deps.idTokens, deps.log);
  const client = clientOrigin(request, deps.proxies);
  const decision = processBatch({
    body: decoded.text,
    receivedAt,
    userAgent: request.headers["user-agent"] ?? null,
    sourceIp: client.address?.text ?? null,
    // A signed request comes from the shop's server, whose address says nothing of the shopper.
    geo: trusted ? null : (client.edgeGeo ?? (client.address && deps.geo ? await deps.geo(client.address) : null)),
    userId,
    trusted,
  });
  if (decision.kind === "invalid-request") return { status: decision.status, body: { error: decision.message } };

  const { accepted, rejected } = decision;
  try {
    await Promise.all([
      accepted.length > 0 ? putLakeObject(deps.store, "raw", receivedAt, accepted) : null,
      rejected.length > 0 ? putLakeObject(deps.store, "rejected", receivedAt, rejected) : null,
    ]);
  } catch (error) {
    deps.log?.("lake write failed", { error: String(error), accepted: accepted.length, rejected: rejected.length });
    return { status: 503, body: { error: "events could not be stored; retry later" } };
  }
  return {
    status: 200,
    body: { accepted: accepted.length, rejected: rejected.map(({ index, reason }) => ({ index, reason })) },
  };
}
