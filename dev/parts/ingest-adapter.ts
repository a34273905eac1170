import http from "node:http";
import type { AddressInfo } from "node:net";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { BATCH_TOO_LARGE } from "../../ingest/decode-body.ts";
import { MAX_BATCH_BYTES } from "../../lib/tracking/schema.ts";

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

export interface IngestAdapterPart {
  readonly url: string;
  stop(): Promise<void>;
}

/** Where a request came from: the client's address as API Gateway would report it. */
export type SourceIp = (request: http.IncomingMessage) => string;

/** The connection's peer; a dual-stack socket reports an IPv4 client as ::ffff:a.b.c.d. */
export const socketSourceIp: SourceIp = (request) => request.socket.remoteAddress ?? "127.0.0.1";

/**
 * Builds the API Gateway HTTP API (v2) event the Lambda would receive for this request: header
 * names in lower case, cookies moved out of the headers into `cookies`, the body base64-encoded
 * as it arrived (gzip included), and the client's address in requestContext.http.sourceIp.
 */
export function toApiGatewayEvent(request: http.IncomingMessage, body: Buffer, now: Date, sourceIp: SourceIp = socketSourceIp): APIGatewayProxyEventV2 {
  const url = new URL(request.url ?? "/", "http://localhost");
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && name !== "cookie") headers[name] = Array.isArray(value) ? value.join(",") : value;
  }
  const cookies = request.headers.cookie?.split(";").map((cookie) => cookie.trim()).filter((cookie) => cookie !== "");
  const method = request.method ?? "GET";
  return {
    version: "2.0",
    routeKey: `${method} ${url.pathname}`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies && cookies.length > 0 ? { cookies } : {}),
    headers,
    body: body.toString("base64"),
    isBase64Encoded: true,
    requestContext: {
      accountId: "local",
      apiId: "local",
      domainName: url.host,
      domainPrefix: "local",
      requestId: crypto.randomUUID(),
      routeKey: `${method} ${url.pathname}`,
      stage: "$default",
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      http: {
        method,
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: sourceIp(request),
        userAgent: headers["user-agent"] ?? "",
      },
    },
  };
}

const ROUTE = "/v1/events";
/** How long a refused upload may keep sending (discarded) before its connection is cut. */
const DISCARD_GRACE_MS = 2_000;

function answerJson(response: http.ServerResponse, status: number, body: object, headers: http.OutgoingHttpHeaders = {}): void {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

/**
 * Answers 413 at once, before the rest of the body arrives, and keeps none of it: what the client
 * still sends is read and dropped (so it can read the answer rather than meet a reset) until it
 * stops or the grace period ends, then the connection closes.
 */
function refuseTooLarge(request: http.IncomingMessage, response: http.ServerResponse): void {
  request.removeAllListeners("data");
  request.resume();
  answerJson(response, 413, { error: BATCH_TOO_LARGE });
  const cut = setTimeout(() => request.socket.destroy(), DISCARD_GRACE_MS);
  cut.unref();
  request.socket.once("close", () => clearTimeout(cut));
}

/**
 * What API Gateway does in front of the ingest Lambda, locally: the route POST /v1/events
 * (405 for another method), CORS for the shop's origins, and the body limit (API Gateway's is
 * 10 MB; ours is the handler's, on the bytes as sent). Port 0 binds any free port; `url` says
 * which. `sourceIp` says where a request came from (the socket's peer unless told otherwise).
 * Headers pass through as API Gateway passes them, X-Forwarded-For included: the local system
 * configures the ingest to believe it from loopback peers (TRUSTED_PROXIES), so the shop's
 * events path and tests can play shoppers from chosen addresses.
 */
export async function startIngestAdapter(options: {
  port: number;
  host?: string;
  allowedOrigins: readonly string[];
  handler: Handler;
  sourceIp?: SourceIp;
}): Promise<IngestAdapterPart> {
  const { allowedOrigins, handler, sourceIp = socketSourceIp } = options;
  const server = http.createServer((request, response) => {
    const origin = request.headers.origin;
    if (origin && allowedOrigins.includes(origin)) {
      response.setHeader("access-control-allow-origin", origin);
      response.setHeader("vary", "Origin");
    }
    const path = (request.url ?? "/").split("?")[0];
    if (request.method === "OPTIONS") {
      response.writeHead(204, {
        "access-control-allow-methods": "POST, OPTIONS",
        // content-encoding: gzip bodies; authorization: the shopper's ID token.
        "access-control-allow-headers": "content-type, content-encoding, authorization",
        "access-control-max-age": "600",
      });
      response.end();
      return;
    }
    if (path !== ROUTE) {
      answerJson(response, 404, { error: `not found: POST ${ROUTE}` });
      return;
    }
    if (request.method !== "POST") {
      answerJson(response, 405, { error: `method ${request.method} not allowed: POST ${ROUTE}` }, { allow: "POST, OPTIONS" });
      return;
    }
    if (Number(request.headers["content-length"] ?? 0) > MAX_BATCH_BYTES) {
      refuseTooLarge(request, response);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BATCH_BYTES) {
        chunks.length = 0;
        refuseTooLarge(request, response);
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => {
      if (size > MAX_BATCH_BYTES) return;
      handler(toApiGatewayEvent(request, Buffer.concat(chunks), new Date(), sourceIp))
        .then((result) => {
          const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([name, value]) => [name, String(value)]));
          response.writeHead(result.statusCode ?? 200, headers);
          response.end(result.body ?? "");
        })
        .catch((error: unknown) => {
          console.error("[ingest] handler failed", error);
          answerJson(response, 500, { error: "internal error" });
        });
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/v1/events`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
