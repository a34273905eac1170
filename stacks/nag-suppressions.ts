import { Stack } from "aws-cdk-lib";
import { NagSuppressions, type NagPackSuppression } from "cdk-nag";
import type { IConstruct } from "constructs";

/**
 * cdk-nag (AwsSolutions) suppressions shared by every stack. Each names what it allows and why;
 * the ones for a single resource live next to it in its stack (see `suppress`).
 * Checked by stacks/stacks.test.ts, which runs the pack over the whole app.
 */
export const COMMON_SUPPRESSIONS: NagPackSuppression[] = [
  {
    id: "AwsSolutions-IAM4",
    reason:
      "AWSLambdaBasicExecutionRole only lets a function create and write its own CloudWatch log streams; AWS maintains it. Used by our functions and by SST/CDK's helper functions.",
    appliesTo: ["Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
  },
  {
    id: "AwsSolutions-L1",
    reason:
      "Our functions run Node.js 22 on purpose (the project's runtime, matching local Node and supported by the AWS SDK beyond 2027). The others are SST/CDK helper functions (custom resources, log retention, the site's helpers) whose runtimes SST pins.",
  },
];

/** Suppresses `findings` on `scope` and everything under it. */
export function suppress(scope: IConstruct, findings: NagPackSuppression[]): void {
  NagSuppressions.addResourceSuppressions(scope, findings, true);
}

/** CDK's per-stack log retention helper (a singleton with this fixed id). */
const LOG_RETENTION_ID = "LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a";

/** Applies COMMON_SUPPRESSIONS to every stack of the app; call once every stack exists. */
export function suppressCommon(app: IConstruct): void {
  for (const child of app.node.children) {
    if (!(child instanceof Stack)) continue;
    NagSuppressions.addStackSuppressions(child, COMMON_SUPPRESSIONS);
    const logRetention = child.node.tryFindChild(LOG_RETENTION_ID);
    if (logRetention) {
      suppress(logRetention, [
        {
          id: "AwsSolutions-IAM5",
          reason:
            "CDK's log retention helper sets the retention of log groups that Lambda creates on first invocation (names known only then): logs:PutRetentionPolicy/DeleteRetentionPolicy on Resource \"*\".",
          appliesTo: ["Resource::*"],
        },
      ]);
    }
  }
}

/** A CDK log retention or X-Ray statement: actions AWS only accepts on Resource "*". */
export const XRAY_REASON =
  "xray:PutTraceSegments and xray:PutTelemetryRecords (SST's default active tracing) support no resource-level permissions: AWS requires Resource \"*\".";

/** appliesTo for a prefix of the lake bucket, e.g. raw/*. */
export function lakePrefix(prefix: string): { regex: string } {
  return { regex: `/^Resource::<RawLakeBucket[0-9A-F]{8}\\.Arn>\\/${prefix}\\/\\*$/g` };
}
