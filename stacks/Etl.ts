import { Duration } from "aws-cdk-lib";
import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Config, Cron, use, type StackContext } from "sst/constructs";
import { FUNCTION_DEFAULTS } from "./function-defaults.ts";
import { RAW_PREFIX, RawLake } from "./RawLake.ts";

export const ETL_SCHEDULE = "rate(5 minutes)";

/** Every five minutes, one ETL run: new raw/ objects → warehouse, in passes until none is left. */
export function Etl({ stack }: StackContext) {
  const { bucket } = use(RawLake);
  const warehouseUrl = new Config.Secret(stack, "WAREHOUSE_URL");

  const cron = new Cron(stack, "EtlCron", {
    schedule: ETL_SCHEDULE,
    job: {
      function: {
        ...FUNCTION_DEFAULTS,
        handler: "etl/handler.handler",
        memorySize: 1024,
        // A run works its backlog off in passes until about three minutes are left (etl/handler.ts).
        timeout: "14 minutes",
        // One run at a time. A tick that arrives while a run is still going is throttled; Lambda
        // would keep retrying it for hours, so drop it after one interval instead (the next tick
        // picks up the same work), and do not retry failed runs for the same reason.
        reservedConcurrentExecutions: 1,
        retryAttempts: 0,
        maxEventAge: Duration.minutes(5),
        environment: { RAW_BUCKET: bucket.bucketName },
        bind: [warehouseUrl],
        // The handler applies the warehouse migrations and runs the model's SQL, read from disk
        // next to its bundle (etl/sql-files.ts).
        copyFiles: [
          { from: "etl/migrations", to: "etl/migrations" },
          { from: "etl/model", to: "etl/model" },
        ],
        // `pg` requires `pg-native` lazily; without this SST would try to npm-install (and
        // compile) it into the bundle at deploy time.
        nodejs: { esbuild: { external: ["pg-native"] } },
        permissions: [
          new PolicyStatement({
            effect: Effect.ALLOW,
            actions: ["s3:ListBucket"],
            resources: [bucket.bucketArn],
            conditions: { StringLike: { "s3:prefix": [`${RAW_PREFIX}*`] } },
          }),
          new PolicyStatement({
            effect: Effect.ALLOW,
            actions: ["s3:GetObject"],
            resources: [`${bucket.bucketArn}/${RAW_PREFIX}*`],
          }),
        ],
      },
    },
  });

  return { cron, warehouseUrl };
}
