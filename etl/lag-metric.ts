import { writtenAtOfKey } from "../lib/lake/keys.ts";
import type { EtlResult } from "./run-etl.ts";

/** The metric the EtlLag alarm watches (stacks/Monitoring.ts). */
export const LAG_METRIC = { namespace: "Compushop/Etl", name: "LagSeconds" } as const;

/**
 * How far the warehouse is behind the lake after a run: now minus the time the oldest object
 * still waiting was written, 0 when nothing waits (a skipped run says nothing: another run is
 * working). A CloudWatch embedded-metric line, so the function in its VPC needs no API call.
 */
export function lagMetricLine(result: EtlResult, now: Date, stage: string): string | null {
  if (result.status === "skipped") return null;
  const waitingSince = result.oldestWaitingKey ? writtenAtOfKey(result.oldestWaitingKey) : null;
  const lagSeconds = waitingSince ? Math.max(0, Math.round((now.getTime() - waitingSince.getTime()) / 1000)) : 0;
  return JSON.stringify({
    _aws: {
      Timestamp: now.getTime(),
      CloudWatchMetrics: [{ Namespace: LAG_METRIC.namespace, Dimensions: [["Stage"]], Metrics: [{ Name: LAG_METRIC.name, Unit: "Seconds" }] }],
    },
    Stage: stage,
    [LAG_METRIC.name]: lagSeconds,
  });
}
