import { describe, expect, it } from "vitest";
import { v7 as uuidv7 } from "uuid";
import { lakeObjectKey } from "../lib/lake/keys.ts";
import { lagMetricLine } from "./lag-metric.ts";
import type { EtlResult } from "./run-etl.ts";

const done: EtlResult = {
  status: "succeeded", runId: 7, passes: 1, objectsLoaded: 3, objectsQuarantined: 0, objectsDeferred: 0, eventsLoaded: 9,
  duplicates: 0, rejected: 0, backlog: false, oldestWaitingKey: null, reconciled: false, checksFailed: [], checksWarned: [],
};
const now = new Date("2026-12-06T10:30:00.000Z");

describe("the ETL's lag metric", () => {
  it("is 0 when nothing waits, as an embedded-metric line CloudWatch reads from the log", () => {
    const line = JSON.parse(lagMetricLine(done, now, "prod") ?? "null");
    expect(line).toEqual({
      _aws: { Timestamp: now.getTime(), CloudWatchMetrics: [{ Namespace: "Compushop/Etl", Dimensions: [["Stage"]], Metrics: [{ Name: "LagSeconds", Unit: "Seconds" }] }] },
      Stage: "prod",
      LagSeconds: 0,
    });
  });

  it("is the age of the oldest object still waiting when the run stopped", () => {
    const written = new Date("2026-12-06T10:05:00.000Z");
    const waiting = { ...done, backlog: true, oldestWaitingKey: lakeObjectKey("raw", written, uuidv7({ msecs: written.getTime() })) };
    expect(JSON.parse(lagMetricLine(waiting, now, "prod") ?? "null").LagSeconds).toBe(25 * 60);
  });

  it("says nothing for a run that skipped because another was working", () => {
    expect(lagMetricLine({ ...done, status: "skipped", runId: null }, now, "prod")).toBeNull();
  });
});
