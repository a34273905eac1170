import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { createIdTokenVerifier, remoteKeys } from "../lib/auth/verify-id-token.ts";
import { createS3Client } from "../lib/lake/s3-client.ts";
import { loadBoundSecrets } from "../lib/secrets/bound-secrets.ts";
import { proxyTrust } from "./client-origin.ts";
import { dbipLookup } from "./geo/dbip-lookup.ts";
import { parseIngestEnv, type IngestConfig } from "./ingest-env.ts";
import { ingestRequest, type IngestDeps, type IngestHttpRequest } from "./ingest-request.ts";
import { s3LakeStore } from "./lake-writer.ts";

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/** API Gateway HTTP API (payload v2) event → the ingest's own request shape. */
export function fromApiGatewayEvent(event: APIGatewayProxyEventV2): IngestHttpRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) headers[name.toLowerCase()] = value;
  // Payload v2 moves the Cookie header into `cookies`, one entry per cookie.
  if (event.cookies && event.cookies.length > 0) headers.cookie = event.cookies.join("; ");
  if (event.requestContext?.http?.userAgent) headers["user-agent"] = event.requestContext.http.userAgent;
  return {
    method: event.requestContext?.http?.method ?? "POST",
    headers,
    body: Buffer.from(event.body ?? "", event.isBase64Encoded ? "base64" : "utf8"),
    sourceIp: event.requestContext?.http?.sourceIp ?? null,
  };
}

function dependencies(config: IngestConfig): IngestDeps {
  const { cognito } = config;
  const log: IngestDeps["log"] = (message, fields) => console.error(JSON.stringify({ level: "error", message, ...fields }));
  if (config.geoDatabaseDir === null) log("no geography database (GEO_DATABASE_DIR): events get no geography", {});
  return {
    store: s3LakeStore(createS3Client({ endpoint: config.s3Endpoint, region: config.region }), config.bucket),
    serverEventsSecret: config.serverEventsSecret,
    idTokens: cognito
      ? { clientId: cognito.clientId, verify: createIdTokenVerifier({ issuer: cognito.issuer, clientId: cognito.clientId, keys: remoteKeys(cognito.jwksUrl) }) }
      : null,
    proxies: proxyTrust({ forwarders: config.trustedProxies, originSecret: config.originSecret }),
    // Opened once per container, on the first lookup.
    geo: config.geoDatabaseDir === null ? null : dbipLookup(config.geoDatabaseDir, log),
    log,
  };
}

/**
 * API Gateway HTTP API (payload v2) → ingest core, configured from `env` on its first call (so
 * a bad configuration is reported per request, not as a failed cold start). In AWS the server
 * events' secret is a bound SST secret, fetched into `env` first.
 */
export function createIngestHandler(env: Record<string, string | undefined>): Handler {
  let deps: IngestDeps | undefined;
  return async (event) => {
    if (!deps) {
      await loadBoundSecrets(["SERVER_EVENTS_SECRET"], env);
      deps = dependencies(parseIngestEnv(env));
    }
    const result = await ingestRequest(fromApiGatewayEvent(event), deps);
    return {
      statusCode: result.status,
      headers: { "content-type": "application/json", "cache-control": "no-store", ...result.headers },
      body: JSON.stringify(result.body),
    };
  };
}

/** The Lambda's entry point. */
export const handler: Handler = createIngestHandler(process.env);
