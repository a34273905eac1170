import { Duration } from "aws-cdk-lib";
import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Config, Cron, use, type StackContext } from "sst/constructs";
import { FUNCTION_DEFAULTS } from "./function-defaults.ts";
import { XRAY_REASON, lakePrefix, suppress } from "./nag-suppressions.ts";
import { ISOLATED, Network } from "./Network.ts";
import { RAW_PREFIX, RawLake } from "./RawLake.ts";

export const ETL_SCHEDULE = "rate(5 minutes)";

/**
 * Every five minutes, one ETL run: new raw/ objects → warehouse, in passes until none is left.
 *
 * The function runs in the VPC's isolated subnets: the warehouse and the shop's PgBouncer are
 * private hosts (an ALB does not carry PostgreSQL, and a Lambda outside the VPC cannot reach a
 * private address). S3 comes through the gateway endpoint, its secrets through the SSM endpoint.
 */
export function Etl({ stack }: StackContext) {
  const { bucket } = use(RawLake);
  const { vpc, etlSg } = use(Network);
  // Both published by the database hosts at boot (stacks/user-data/); `sst secrets set` overrides.
  const warehouseUrl = new Config.Secret(stack, "WAREHOUSE_URL");
  const shopReadonlyUrl = new Config.Secret(stack, "SHOP_READONLY_URL");

  const cron = new Cron(stack, "EtlCron", {
    schedule: ETL_SCHEDULE,
    job: {
      function: {
        ...FUNCTION_DEFAULTS,
        handler: "etl/handler.handler",
        memorySize: 1024,
        // A run works its backlog off in passes until three minutes are left (etl/handler.ts):
        // 14 minutes leave 11 for passes, more than twice the schedule's interval.
        timeout: "14 minutes",
        vpc,
        vpcSubnets: ISOLATED,
        securityGroups: [etlSg],
        // One run at a time. A tick that arrives while a run is still going is throttled; Lambda
        // would keep retrying it for hours, so drop it after one interval instead (the next tick
        // picks up the same work), and do not retry failed runs for the same reason.
        reservedConcurrentExecutions: 1,
        retryAttempts: 0,
        maxEventAge: Duration.minutes(5),
        environment: { RAW_BUCKET: bucket.bucketName },
        bind: [warehouseUrl, shopReadonlyUrl],
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

  suppress(cron.jobFunction, [
    {
      id: "AwsSolutions-IAM4",
      reason: "AWSLambdaVPCAccessExecutionRole lets Lambda create and delete the function's network interfaces in the VPC (ec2:*NetworkInterface*, which take no resource ARNs).",
      appliesTo: ["Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"],
    },
    { id: "AwsSolutions-IAM5", reason: XRAY_REASON, appliesTo: ["Resource::*"] },
    {
      id: "AwsSolutions-IAM5",
      reason: "s3:GetObject on raw/* only: the ETL reads every new object of the lake's raw/ area, whose keys are not known in advance.",
      appliesTo: [lakePrefix("raw")],
    },
  ]);

  return { cron, warehouseUrl, shopReadonlyUrl };
}
