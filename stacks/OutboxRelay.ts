import { Duration } from "aws-cdk-lib";
import { InterfaceVpcEndpoint, InterfaceVpcEndpointAwsService } from "aws-cdk-lib/aws-ec2";
import { AnyPrincipal, Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Cron, use, type StackContext } from "sst/constructs";
import { FUNCTION_DEFAULTS } from "./function-defaults.ts";
import { Ingest } from "./Ingest.ts";
import { invokeOnly } from "./invoke-only.ts";
import { XRAY_REASON, suppress } from "./nag-suppressions.ts";
import { ISOLATED, Network } from "./Network.ts";
import { Web } from "./Web.ts";

/** Every minute: the server's `after()` nudge makes delivery prompt, this makes it certain. */
export const OUTBOX_RELAY_SCHEDULE = "rate(1 minute)";

/**
 * The shop's server-event outbox relay (lib/outbox/relay-handler.ts): reads due events from the
 * shop database through PgBouncer and hands them, signed, to the ingest.
 *
 * It runs in the VPC (the database is private) and the VPC has no NAT, so it cannot POST to the
 * ingest's public URL. It invokes the ingest function directly instead, through a Lambda interface
 * endpoint whose policy admits nothing but lambda:InvokeFunction on that one function, from this
 * account; its role may invoke that function and nothing else.
 */
export function OutboxRelay({ stack, app }: StackContext) {
  const { vpc, relaySg, endpointSg } = use(Network);
  const { ingestFunction, serverEventsSecret } = use(Ingest);
  const { databaseUrl } = use(Web);

  // Here rather than in Network: its policy names the ingest function, and it exists for the relay
  // (the shop's server uses it too, for its outbox nudge).
  const lambdaEndpoint = new InterfaceVpcEndpoint(stack, "LambdaEndpoint", {
    vpc,
    service: InterfaceVpcEndpointAwsService.LAMBDA,
    privateDnsEnabled: true,
    subnets: ISOLATED,
    securityGroups: [endpointSg],
    open: false,
  });
  lambdaEndpoint.addToPolicy(
    new PolicyStatement({
      effect: Effect.ALLOW,
      principals: [new AnyPrincipal()],
      actions: ["lambda:InvokeFunction"],
      resources: [ingestFunction.functionArn, `${ingestFunction.functionArn}:*`],
      conditions: { StringEquals: { "aws:PrincipalAccount": app.account } },
    }),
  );

  const cron = new Cron(stack, "OutboxRelayCron", {
    schedule: OUTBOX_RELAY_SCHEDULE,
    job: {
      function: {
        ...FUNCTION_DEFAULTS,
        handler: "lib/outbox/relay-handler.handler",
        memorySize: 256,
        timeout: "1 minute",
        vpc,
        vpcSubnets: ISOLATED,
        securityGroups: [relaySg],
        // A failed tick is not retried: the next one, a minute later, picks up the same rows
        // (each row keeps its own backoff in the outbox table).
        retryAttempts: 0,
        maxEventAge: Duration.minutes(1),
        environment: { INGEST_FUNCTION_NAME: ingestFunction.functionName },
        bind: [databaseUrl, serverEventsSecret],
        permissions: [invokeOnly(ingestFunction)],
        nodejs: { esbuild: { external: ["pg-native"] } },
      },
    },
  });

  suppress(cron.jobFunction, [
    {
      id: "AwsSolutions-IAM4",
      reason: "AWSLambdaVPCAccessExecutionRole lets Lambda create and delete the relay's network interfaces in the VPC (ec2:*NetworkInterface*, which take no resource ARNs).",
      appliesTo: ["Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"],
    },
    { id: "AwsSolutions-IAM5", reason: XRAY_REASON, appliesTo: ["Resource::*"] },
  ]);

  return { cron, lambdaEndpoint };
}
