import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { IFunction } from "aws-cdk-lib/aws-lambda";

/** lambda:InvokeFunction on exactly this function (its unqualified ARN), and nothing else. */
export function invokeOnly(fn: IFunction): PolicyStatement {
  return new PolicyStatement({ effect: Effect.ALLOW, actions: ["lambda:InvokeFunction"], resources: [fn.functionArn] });
}
