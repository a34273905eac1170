/**
 * Server events without NAT: the outbox relay's schedule and network, the Lambda endpoint it and
 * the shop's server invoke the ingest through, and the SERVER_EVENTS_SECRET wiring (called from
 * stacks.test.ts, which owns the single synthesis).
 */
import { describe, expect, it } from "vitest";
import type { Template } from "aws-cdk-lib/assertions";
import { asArray, isRecord, lambdaByHandler, resources, roleIdOf, single, statementsOf, statementsOfRole, type CfnResource } from "./cfn.ts";
import type { Synthesized } from "./synth.ts";

const RELAY_HANDLER = "lib/outbox/relay-handler.handler";
const INGEST_ARN = /^\{"Fn::ImportValue":"test-compushop-Ingest:ExportsOutputFnGetAttIngestApiLambdaPOSTv1events[0-9A-F]{8}Arn[0-9A-F]{8}"\}$/;
const INGEST_NAME = /^\{"Fn::ImportValue":"test-compushop-Ingest:ExportsOutputRefIngestApiLambdaPOSTv1events[0-9A-F]{8}[0-9A-F]{8}"\}$/;

function envOf(fn: CfnResource): Record<string, unknown> {
  const environment = fn.Properties?.Environment;
  const variables = isRecord(environment) ? environment.Variables : undefined;
  return isRecord(variables) ? variables : {};
}

/** The SST secrets a function's role may read: /sst/compushop/test/Secret/<NAME>/value. */
function secretsReadable(template: Template, fn: CfnResource): string[] {
  const statements = statementsOfRole(template, roleIdOf(fn)).filter((statement) => statement.Action.includes("ssm:GetParameters"));
  const names = statements
    .flatMap((statement) => statement.Resource)
    .map((resource) => /parameter\/sst\/compushop\/test\/Secret\/(\w+)\/value"/.exec(JSON.stringify(resource))?.[1])
    .filter((name): name is string => name !== undefined);
  return [...new Set(names)].sort();
}

/** Every Allow statement naming lambda:* in the function's role. */
function lambdaStatements(template: Template, fn: CfnResource) {
  return statementsOfRole(template, roleIdOf(fn)).filter((statement) => statement.Action.some((action) => action.startsWith("lambda:")));
}

export function describeServerEvents(synthesized: () => Synthesized): void {
  const relay = () => lambdaByHandler(synthesized().templates.OutboxRelay, RELAY_HANDLER);
  const server = () => single(synthesized().templates.Web, "AWS::Lambda::Function", { Description: "Next.js Server" });
  const ingest = () => lambdaByHandler(synthesized().templates.Ingest, "ingest/handler.handler");

  describe("server events without NAT (outbox relay, Lambda endpoint, SERVER_EVENTS_SECRET)", () => {
    it("runs the outbox relay every minute, in the isolated subnets with its own group, never retried", () => {
      const template = synthesized().templates.OutboxRelay;
      const [functionId, fn] = relay();
      const [, rule] = single(template, "AWS::Events::Rule");
      expect(rule.Properties).toMatchObject({
        ScheduleExpression: "rate(1 minute)",
        State: "ENABLED",
        Targets: [{ Arn: { "Fn::GetAtt": [functionId, "Arn"] } }],
      });
      expect(fn.Properties).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"], Timeout: 60 });
      template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", { FunctionName: { Ref: functionId }, MaximumRetryAttempts: 0 });
      const vpcConfig = fn.Properties?.VpcConfig;
      expect(JSON.stringify(isRecord(vpcConfig) ? vpcConfig.SubnetIds : undefined)).toMatch(/VpcisolatedSubnet1Subnet.*VpcisolatedSubnet2Subnet/);
      expect(JSON.stringify(isRecord(vpcConfig) ? vpcConfig.SecurityGroupIds : undefined)).toMatch(/ExportsOutputFnGetAttOutboxRelaySg[0-9A-F]{8}GroupId/);
    });

    it("lets the relay invoke exactly the ingest function, read its two secrets, and nothing else", () => {
      const template = synthesized().templates.OutboxRelay;
      const [, fn] = relay();
      expect(describeName(envOf(fn).INGEST_FUNCTION_NAME)).toMatch(INGEST_NAME);
      const statements = statementsOfRole(template, roleIdOf(fn));
      const actions = [...new Set(statements.flatMap((statement) => statement.Action))].sort();
      expect(actions).toEqual(["lambda:InvokeFunction", "ssm:GetParameters", "xray:PutTelemetryRecords", "xray:PutTraceSegments"]);
      const invoke = lambdaStatements(template, fn);
      expect(invoke.map((statement) => statement.Action)).toEqual([["lambda:InvokeFunction"]]);
      expect(invoke.flatMap((statement) => statement.Resource).map(describeName)).toEqual([expect.stringMatching(INGEST_ARN)]);
      expect(secretsReadable(template, fn)).toEqual(["DATABASE_URL", "SERVER_EVENTS_SECRET"]);
    });

    it("reaches Lambda through an interface endpoint whose policy admits only invoking the ingest, from this account", () => {
      const template = synthesized().templates.OutboxRelay;
      const [, endpoint] = single(template, "AWS::EC2::VPCEndpoint");
      expect(endpoint.Properties).toMatchObject({ VpcEndpointType: "Interface", PrivateDnsEnabled: true });
      expect(JSON.stringify(endpoint.Properties?.ServiceName)).toMatch(/\.lambda"/);
      expect(JSON.stringify(endpoint.Properties?.SubnetIds).match(/VpcisolatedSubnet\dSubnet/g)?.sort()).toEqual(["VpcisolatedSubnet1Subnet", "VpcisolatedSubnet2Subnet"]);
      const statements = statementsOf(endpoint.Properties?.PolicyDocument);
      expect(statements).toHaveLength(1);
      const [statement] = statements;
      expect(statement).toMatchObject({ Effect: "Allow", Action: ["lambda:InvokeFunction"], Condition: { StringEquals: { "aws:PrincipalAccount": "123456789012" } } });
      const targets = (statement?.Resource ?? []).map(describeName);
      expect(targets).toHaveLength(2);
      expect(targets[0]).toMatch(INGEST_ARN);
      expect(targets[1]).toMatch(/ExportsOutputFnGetAttIngestApiLambdaPOSTv1events[0-9A-F]{8}Arn[0-9A-F]{8}"\},":\*"/);
      // No NAT was added for it: the relay stack creates no route, gateway or public address.
      for (const type of ["AWS::EC2::NatGateway", "AWS::EC2::InternetGateway", "AWS::EC2::Route", "AWS::EC2::EIP"]) {
        expect({ type, found: resources(template, type).length }).toEqual({ type, found: 0 });
      }
    });

    it("lets the shop's server invoke the ingest function (its outbox nudge) and nothing else in Lambda", () => {
      const [, fn] = server();
      expect(describeName(envOf(fn).INGEST_FUNCTION_NAME)).toMatch(INGEST_NAME);
      const invoke = lambdaStatements(synthesized().templates.Web, fn);
      expect(invoke.flatMap((statement) => statement.Action)).toEqual(["lambda:InvokeFunction"]);
      expect(invoke.flatMap((statement) => statement.Resource).map(describeName)).toEqual([expect.stringMatching(INGEST_ARN)]);
    });

    it("binds SERVER_EVENTS_SECRET (an SST secret in SSM) to the ingest, the shop's server and the relay; no value in the templates", () => {
      const bound = [
        ["Ingest", ingest()[1], ["SERVER_EVENTS_SECRET"]],
        ["Web", server()[1], ["DATABASE_URL", "SERVER_EVENTS_SECRET"]],
        ["OutboxRelay", relay()[1], ["DATABASE_URL", "SERVER_EVENTS_SECRET"]],
      ] as const;
      for (const [stack, fn, secrets] of bound) {
        const env = envOf(fn);
        expect({ stack, placeholder: env.SST_Secret_value_SERVER_EVENTS_SECRET, plain: env.SERVER_EVENTS_SECRET }).toEqual({
          stack,
          placeholder: "__FETCH_FROM_SSM__",
          plain: undefined,
        });
        expect({ stack, secrets: secretsReadable(synthesized().templates[stack], fn) }).toEqual({ stack, secrets: [...secrets].sort() });
      }
    });

    it("gives the ingest the user pool's issuer and client id, so signed-in shoppers' events carry their user", () => {
      const env = envOf(ingest()[1]);
      expect(JSON.stringify(env.COGNITO_ISSUER)).toMatch(/^\{"Fn::Join":\["",\["https:\/\/cognito-idp\.us-east-1\.amazonaws\.com\/",\{"Fn::ImportValue":"test-compushop-Auth:ExportsOutputRefUserPool/);
      expect(JSON.stringify(env.COGNITO_CLIENT_ID)).toMatch(/test-compushop-Auth:ExportsOutputRefWebClient/);
      expect(env.COGNITO_JWKS_URL).toBeUndefined();
    });
  });
}

/** A reference as compact JSON, arrays of joins flattened enough for a regex. */
function describeName(value: unknown): string {
  if (isRecord(value) && Array.isArray(value["Fn::Join"])) {
    const parts = asArray((value["Fn::Join"] as unknown[])[1]);
    return parts.map((part) => (typeof part === "string" ? JSON.stringify(part) : JSON.stringify(part))).join(",");
  }
  return JSON.stringify(value);
}
