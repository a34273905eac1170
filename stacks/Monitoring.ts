import { Duration } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, Dashboard, GraphWidget, Metric, TreatMissingData, type IMetric } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { Key } from "aws-cdk-lib/aws-kms";
import { ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { use, type StackContext } from "sst/constructs";
import { Etl } from "./Etl.ts";
import { Ingest } from "./Ingest.ts";
import { OutboxRelay } from "./OutboxRelay.ts";

/**
 * The ETL's lag, published by the ETL itself at the end of every run as a CloudWatch embedded
 * metric (a JSON log line: no PutMetricData call, so no monitoring endpoint in the VPC): seconds
 * from the oldest raw/ object still waiting (or, with none waiting, from the run's start) to now.
 */
export const ETL_LAG_METRIC = { namespace: "Compushop/Etl", metricName: "LagSeconds", dimension: "Stage" } as const;

/** Alarm thresholds (README, Monitoring). */
export const THRESHOLDS = {
  /** Ingest 5xx answers in 5 minutes: the lake is refusing writes or the handler is failing. */
  ingest5xxPer5Min: 10,
  /** ETL runs failing in a row (one run every 5 minutes). */
  etlFailedRuns: 2,
  /** The warehouse this far behind the lake (30 minutes: six missed runs' worth). */
  etlLagSeconds: 1800,
} as const;

/**
 * Alarms for the data path (ingest 5xx, ETL errors, ETL lag, relay errors) to an encrypted SNS
 * topic (ALARM_EMAIL subscribes an address at deploy), and one dashboard of the same metrics.
 */
export function Monitoring({ stack, app }: StackContext) {
  const { api, ingestFunction } = use(Ingest);
  const { cron } = use(Etl);
  const { cron: relayCron } = use(OutboxRelay);
  const etlFunction = cron.jobFunction;
  const relayFunction = relayCron.jobFunction;

  // SNS topics encrypted with AWS's managed key cannot receive CloudWatch alarms: a key of ours
  // lets CloudWatch use it.
  const key = new Key(stack, "AlarmTopicKey", { enableKeyRotation: true, description: "compushop: encrypts the alarm topic" });
  key.grant(new ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*");
  const topic = new Topic(stack, "Alarms", { displayName: `compushop ${app.stage} alarms`, masterKey: key, enforceSSL: true });
  const email = process.env.ALARM_EMAIL?.trim();
  if (email) topic.addSubscription(new EmailSubscription(email));
  const notify = new SnsAction(topic);

  const fiveMinutes = Duration.minutes(5);
  const httpApi = api.cdk.httpApi;
  // AWS/ApiGateway 5xx by ApiId (every stage and route of the ingest API).
  const ingest5xx = httpApi.metricServerError({ statistic: "Sum", period: fiveMinutes });
  const etlErrors = etlFunction.metricErrors({ period: fiveMinutes, statistic: "Sum" });
  const etlLag = new Metric({
    namespace: ETL_LAG_METRIC.namespace,
    metricName: ETL_LAG_METRIC.metricName,
    dimensionsMap: { [ETL_LAG_METRIC.dimension]: app.stage },
    statistic: "Maximum",
    period: fiveMinutes,
  });
  const relayErrors = relayFunction.metricErrors({ period: Duration.minutes(1), statistic: "Sum" });

  const alarms = [
    new Alarm(stack, "Ingest5xx", {
      alarmDescription: "The ingest answered 5xx: events are being lost (the tracker retries a while, then drops them).",
      metric: ingest5xx,
      threshold: THRESHOLDS.ingest5xxPer5Min,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }),
    new Alarm(stack, "EtlErrors", {
      alarmDescription: "ETL runs failed twice in a row: the warehouse is not being loaded (see the ETL's logs and etl_run).",
      metric: etlErrors,
      threshold: 1,
      evaluationPeriods: THRESHOLDS.etlFailedRuns,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }),
    new Alarm(stack, "EtlLag", {
      alarmDescription: `The warehouse is more than ${THRESHOLDS.etlLagSeconds / 60} minutes behind the lake, or the ETL stopped reporting its lag.`,
      metric: etlLag,
      threshold: THRESHOLDS.etlLagSeconds,
      evaluationPeriods: 2,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      // No lag reported means no run finished: that is lag too.
      treatMissingData: TreatMissingData.BREACHING,
    }),
    new Alarm(stack, "OutboxRelayErrors", {
      alarmDescription: "The outbox relay failed three minutes running: purchases are not reaching the lake (they wait in the outbox).",
      metric: relayErrors,
      threshold: 1,
      evaluationPeriods: 3,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }),
  ];
  for (const alarm of alarms) {
    alarm.addAlarmAction(notify);
    alarm.addOkAction(notify);
  }

  const graph = (title: string, left: IMetric[], right: IMetric[] = []) => new GraphWidget({ title, left, right, width: 12, height: 6 });
  const dashboard = new Dashboard(stack, "Dashboard", { dashboardName: `compushop-${app.stage}`, defaultInterval: Duration.hours(24) });
  dashboard.addWidgets(
    graph("Ingest: requests and errors", [httpApi.metricCount({ period: fiveMinutes }), httpApi.metricClientError({ period: fiveMinutes }), ingest5xx], [httpApi.metricLatency({ period: fiveMinutes, statistic: "p95" })]),
    graph("Ingest function", [ingestFunction.metricErrors({ period: fiveMinutes }), ingestFunction.metricThrottles({ period: fiveMinutes })], [ingestFunction.metricDuration({ period: fiveMinutes, statistic: "p95" })]),
  );
  dashboard.addWidgets(
    graph("ETL: runs and errors", [etlFunction.metricInvocations({ period: fiveMinutes }), etlErrors], [etlFunction.metricDuration({ period: fiveMinutes, statistic: "Maximum" })]),
    graph("ETL lag (seconds)", [etlLag]),
  );
  dashboard.addWidgets(graph("Outbox relay", [relayFunction.metricInvocations({ period: fiveMinutes }), relayErrors], [relayFunction.metricDuration({ period: fiveMinutes, statistic: "Maximum" })]));

  stack.addOutputs({ AlarmTopicArn: topic.topicArn, DashboardName: dashboard.dashboardName });
  return { topic, alarms, dashboard };
}
