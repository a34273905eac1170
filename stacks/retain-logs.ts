import { CfnResource, Fn, Stack } from "aws-cdk-lib";
import { CfnFunction } from "aws-cdk-lib/aws-lambda";
import { LogRetention, RetentionDays } from "aws-cdk-lib/aws-logs";
import type { IConstruct } from "constructs";

/** How long the logs of functions we did not configure ourselves (SST's and CDK's helpers) stay. */
export const HELPER_LOG_RETENTION = RetentionDays.ONE_MONTH;

/** CDK's log retention helper: it sets a one-day retention on its own log group itself. */
const LOG_RETENTION_HELPER = /^LogRetention[0-9a-f]{32}$/;

/**
 * Gives every Lambda function in the app a log retention: the log group Lambda creates on a first
 * invocation otherwise keeps its logs for ever. Ours set one (FUNCTION_DEFAULTS); SST's and CDK's
 * helpers (custom resource handlers, the site's warmer and revalidation, the Lambda@Edge deploy
 * providers, bucket auto-delete) do not, and do not expose the setting, so each gets a
 * Custom::LogRetention on /aws/lambda/<its name>. Call once every stack exists.
 */
export function retainLogs(app: IConstruct): void {
  for (const construct of app.node.findAll()) {
    if (!(construct instanceof CfnResource) || construct.cfnResourceType !== "AWS::Lambda::Function") continue;
    const owner = construct.node.scope;
    if (!owner || LOG_RETENTION_HELPER.test(owner.node.id)) continue;
    if (owner.node.tryFindChild("LogRetention")) continue; // a function created with logRetention
    if (construct instanceof CfnFunction && construct.loggingConfig) continue; // its own log group
    new LogRetention(Stack.of(construct), `${construct.node.path.replace(/[^A-Za-z0-9]/g, "")}LogRetention`, {
      logGroupName: Fn.join("", ["/aws/lambda/", construct.ref]),
      retention: HELPER_LOG_RETENTION,
    });
  }
}
