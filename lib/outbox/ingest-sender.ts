import { z } from "zod";

/** One signed batch on its way to the ingest: the exact body and headers the relay signed. */
export interface IngestRequest {
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

/** What the ingest answered, whichever way it was reached. */
export interface IngestAnswer {
  status: number;
  text: string;
}

/** How the relay reaches the ingest: over HTTP, or by invoking its Lambda (no NAT in the VPC). */
export type IngestSender = (request: IngestRequest) => Promise<IngestAnswer>;

/** POSTs to the ingest's events URL (locally, and wherever the URL is reachable). */
export function httpSender(url: string, doFetch: typeof fetch = fetch): IngestSender {
  return async ({ body, headers, timeoutMs }) => {
    const response = await doFetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, text: await response.text() };
  };
}

/** The result of invoking a function: its payload, and FunctionError when it threw. */
export interface InvokeResult {
  functionError?: string | undefined;
  payload: string;
}

/** Invokes a Lambda function synchronously (RequestResponse) with a JSON payload. */
export type Invoke = (functionName: string, payload: string, timeoutMs: number) => Promise<InvokeResult>;

/** The path the ingest's API serves (stacks/Ingest.ts INGEST_PATH); the handler ignores it. */
const EVENTS_PATH = "/v1/events";

const proxyResultSchema = z.object({ statusCode: z.number().int(), body: z.string().optional() });

/**
 * Invokes the ingest function directly, with the API Gateway HTTP API (payload 2.0) event its
 * handler already takes, through the VPC's Lambda interface endpoint: a function in a VPC without
 * NAT cannot reach the public ingest URL. The body and signature are unchanged, so the ingest
 * verifies server events exactly as over HTTP. A function error counts as a 502.
 */
export function lambdaSender(functionName: string, invoke: Invoke): IngestSender {
  return async ({ body, headers, timeoutMs }) => {
    const event = {
      version: "2.0",
      routeKey: `POST ${EVENTS_PATH}`,
      rawPath: EVENTS_PATH,
      rawQueryString: "",
      headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])),
      requestContext: { http: { method: "POST", path: EVENTS_PATH, protocol: "HTTP/1.1", userAgent: "compushop-outbox-relay" } },
      body,
      isBase64Encoded: false,
    };
    const result = await invoke(functionName, JSON.stringify(event), timeoutMs);
    if (result.functionError) return { status: 502, text: `ingest function failed (${result.functionError}): ${result.payload}` };
    const parsed = proxyResultSchema.safeParse(safeJson(result.payload));
    if (!parsed.success) return { status: 502, text: `ingest function answered an unexpected payload: ${result.payload}` };
    return { status: parsed.data.statusCode, text: parsed.data.body ?? "" };
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
