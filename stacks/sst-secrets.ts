import { Stack } from "aws-cdk-lib";
import type { App } from "sst/constructs";

/**
 * The SSM parameter behind an SST `Config.Secret` of this stage (what `sst secrets set NAME` writes
 * and a bound function fetches at cold start): /sst/<app>/<stage>/Secret/<NAME>/value.
 */
export function sstSecretParameterName(app: App, name: string): string {
  return `/sst/${app.name}/${app.stage}/Secret/${name}/value`;
}

export function sstSecretParameterArn(app: App, stack: Stack, name: string): string {
  return `arn:${stack.partition}:ssm:${app.region}:${app.account}:parameter${sstSecretParameterName(app, name)}`;
}
