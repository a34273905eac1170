import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { z } from "zod";
import { createS3Client } from "../lib/lake/s3-client.ts";
import { SIGNATURE_HEADER } from "../lib/tracking/server/signature.ts";
import { ingestRequest, type IngestDeps } from "./ingest-request.ts";

const envSchema = z.object({
  RAW_BUCKET: z.string().min(3),
  S3_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().optional(),
  SERVER_EVENTS_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
});

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * API Gateway HTTP API (payload v2) → ingest core, configured from `env` on its first call (so
 * a bad configuration is reported per request, not as a failed cold start).
 */
export function createIngestHandler(env: Readonly<Record<string, string | undefined>>): Handler {
  let deps: IngestDeps | undefined;
  return async (event) => {
    deps ??= dependencies(envSchema.parse(env));
    const raw = event.body ?? "";
    const body = event.isBase64Encoded ? Buffer.from(raw, "base64").toString("utf8") : raw;
    const userAgent = event.requestContext?.http?.userAgent ?? event.headers?.["user-agent"] ?? null;
    const signature = event.headers?.[SIGNATURE_HEADER] ?? null;
    const result = await ingestRequest({ body, userAgent, signature }, deps);
    return {
      statusCode: result.status,
      headers: { "content-type": "application/json", "cache-control": "no-store" },
      body: JSON.stringify(result.body),
    };
  };
}

function dependencies(env: z.infer<typeof envSchema>): IngestDeps {
  return {
    s3: createS3Client({ endpoint: env.S3_ENDPOINT, region: env.AWS_REGION }),
    bucket: env.RAW_BUCKET,
    serverEventsSecret: env.SERVER_EVENTS_SECRET,
    log: (message, fields) => console.error(JSON.stringify({ level: "error", message, ...fields })),
  };
}

/** The Lambda's entry point. */
export const handler: Handler = createIngestHandler(process.env);
