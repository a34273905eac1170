/** Alarms, the dashboard and log retention everywhere (called from stacks.test.ts). */
import { describe, expect, it } from "vitest";
import { asArray, isRecord, lambdaByHandler, resources, single, statementsOf, type CfnResource } from "./cfn.ts";
import { STACK_NAMES, type Synthesized } from "./synth.ts";

const IMPORT = (pattern: string) => new RegExp(`^\\{"Fn::ImportValue":"test-compushop-${pattern}"\\}$`);

function alarm(synth: Synthesized, id: string): CfnResource {
  const found = resources(synth.templates.Monitoring, "AWS::CloudWatch::Alarm").filter(([logicalId]) => logicalId.startsWith(id));
  if (found.length !== 1) throw new Error(`expected one alarm ${id}, found ${found.length}`);
  return (found[0] as [string, CfnResource])[1];
}

function dimensions(resource: CfnResource): Record<string, string> {
  return Object.fromEntries(
    asArray(resource.Properties?.Dimensions)
      .filter(isRecord)
      .map((dimension) => [String(dimension.Name), typeof dimension.Value === "string" ? dimension.Value : JSON.stringify(dimension.Value)]),
  );
}

export function describeMonitoring(synthesized: () => Synthesized): void {
  describe("monitoring (alarms, dashboard, log retention)", () => {
    it("alarms on ingest 5xx: 10 or more in 5 minutes on the ingest API", () => {
      const ingest5xx = alarm(synthesized(), "Ingest5xx");
      expect(ingest5xx.Properties).toMatchObject({
        Namespace: "AWS/ApiGateway",
        MetricName: "5xx",
        Statistic: "Sum",
        Period: 300,
        Threshold: 10,
        EvaluationPeriods: 1,
        ComparisonOperator: "GreaterThanOrEqualToThreshold",
      });
      expect(dimensions(ingest5xx).ApiId).toMatch(IMPORT("Ingest:ExportsOutputRefIngestApi[0-9A-F]{8}[0-9A-F]{8}"));
    });

    it("alarms on ETL errors: two failed runs in a row", () => {
      const etlErrors = alarm(synthesized(), "EtlErrors");
      expect(etlErrors.Properties).toMatchObject({ Namespace: "AWS/Lambda", MetricName: "Errors", Threshold: 1, EvaluationPeriods: 2, Period: 300 });
      expect(dimensions(etlErrors).FunctionName).toMatch(IMPORT("Etl:ExportsOutputRefEtlCronJobEtlCron[0-9A-F]{8}[0-9A-F]{8}"));
      lambdaByHandler(synthesized().templates.Etl, "etl/handler.handler");
    });

    it("alarms on ETL lag from the ETL's own metric (Compushop/Etl LagSeconds by Stage), silence counting as lag", () => {
      expect(alarm(synthesized(), "EtlLag").Properties).toMatchObject({
        Namespace: "Compushop/Etl",
        MetricName: "LagSeconds",
        Dimensions: [{ Name: "Stage", Value: "test" }],
        Statistic: "Maximum",
        Threshold: 1800,
        ComparisonOperator: "GreaterThanThreshold",
        TreatMissingData: "breaching",
      });
    });

    it("alarms on outbox relay errors, three minutes running", () => {
      const relay = alarm(synthesized(), "OutboxRelayErrors");
      expect(relay.Properties).toMatchObject({ MetricName: "Errors", Period: 60, EvaluationPeriods: 3 });
      expect(dimensions(relay).FunctionName).toMatch(IMPORT("OutboxRelay:ExportsOutputRefOutboxRelayCronJob\\w+"));
    });

    it("notifies an encrypted, TLS-only SNS topic on alarm and on recovery", () => {
      const template = synthesized().templates.Monitoring;
      const [topicId, topic] = single(template, "AWS::SNS::Topic");
      const [keyId, key] = single(template, "AWS::KMS::Key");
      expect(topic.Properties?.KmsMasterKeyId).toEqual({ "Fn::GetAtt": [keyId, "Arn"] });
      expect(key.Properties?.EnableKeyRotation).toBe(true);
      const cloudwatch = statementsOf(key.Properties?.KeyPolicy).find((statement) => JSON.stringify(statement.Principal).includes("cloudwatch.amazonaws.com"));
      expect(cloudwatch?.Action.sort()).toEqual(["kms:Decrypt", "kms:GenerateDataKey*"]);
      const [, policy] = single(template, "AWS::SNS::TopicPolicy");
      expect(statementsOf(policy.Properties?.PolicyDocument)).toContainEqual(expect.objectContaining({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }));
      const alarms = resources(template, "AWS::CloudWatch::Alarm");
      expect(alarms).toHaveLength(4);
      for (const [id, resource] of alarms) {
        expect({ id, alarm: resource.Properties?.AlarmActions, ok: resource.Properties?.OKActions }).toEqual({ id, alarm: [{ Ref: topicId }], ok: [{ Ref: topicId }] });
      }
    });

    it("draws one dashboard of the ingest, the ETL (with its lag) and the relay", () => {
      const [, dashboard] = single(synthesized().templates.Monitoring, "AWS::CloudWatch::Dashboard");
      expect(dashboard.Properties?.DashboardName).toBe("compushop-test");
      const body = JSON.stringify(dashboard.Properties?.DashboardBody);
      for (const expected of ["Ingest: requests and errors", "ETL lag (seconds)", "Compushop/Etl", "LagSeconds", "5xx", "Outbox relay"]) expect(body).toContain(expected);
    });

    it("gives every function's log group a retention, SST's and CDK's helpers included", () => {
      const missing: string[] = [];
      let functions = 0;
      for (const name of STACK_NAMES) {
        const template = synthesized().templates[name];
        const retained = new Set(resources(template, "Custom::LogRetention").map(([, retention]) => JSON.stringify(retention.Properties?.LogGroupName)));
        const days = new Map(resources(template, "AWS::Logs::LogGroup").map(([id, group]) => [id, group.Properties?.RetentionInDays]));
        for (const [id, fn] of resources(template, "AWS::Lambda::Function")) {
          functions += 1;
          // CDK's log retention helper sets a one-day retention on its own log group.
          if (/^LogRetention[0-9a-f]{32}[0-9A-F]{8}$/.test(id)) continue;
          const byCustomResource = retained.has(JSON.stringify({ "Fn::Join": ["", ["/aws/lambda/", { Ref: id }]] }));
          const logging = fn.Properties?.LoggingConfig;
          const ownGroup = isRecord(logging) && isRecord(logging.LogGroup) ? days.get(String(logging.LogGroup.Ref)) : undefined;
          if (!byCustomResource && typeof ownGroup !== "number") missing.push(`${name}/${id}`);
        }
      }
      expect(functions).toBeGreaterThan(15);
      expect(missing).toEqual([]);
    });
  });
}
