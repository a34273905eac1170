import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { z } from "zod";
import { createS3Client } from "../lib/lake/s3-client.ts";
import { ingestRequest } from "./ingest-request.ts";

const envSchema = z.object({
  RAW_BUCKET: z.string().min(3),
  S3_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().optional(),
});

let deps: Parameters<typeof ingestRequest>[1] | undefined;

function dependencies() {
  if (!deps) {
    const env = envSchema.parse(process.env);
    deps = {
      s3: createS3Client({ endpoint: env.S3_ENDPOINT, region: env.AWS_REGION }),
      bucket: env.RAW_BUCKET,
      log: (message, fields) => console.error(JSON.stringify({ level: "error", message, ...fields })),
    };
  }
  return deps;
}

/** API Gateway HTTP API (payload v2) → ingest core. */
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const raw = event.body ?? "";
  const body = event.isBase64Encoded ? Buffer.from(raw, "base64").toString("utf8") : raw;
  const userAgent = event.requestContext?.http?.userAgent ?? event.headers?.["user-agent"] ?? null;
  const result = await ingestRequest({ body, userAgent }, dependencies());
  return {
    statusCode: result.status,
    headers: { "content-type": "application/json", "cache-control": "no-store" },
    body: JSON.stringify(result.body),
  };
}
