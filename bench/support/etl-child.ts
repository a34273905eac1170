import { z } from "zod";
import { closeEtlDeps, createEtlDeps } from "../../etl/etl-env.ts";
import { runEtl, type EtlResult } from "../../etl/run-etl.ts";
import type { EtlChildReport } from "./etl-child-report.ts";

/*
 * An ETL run in a process of its own, for bench/etl-vs-copy.bench.ts: its peak memory is then the
 * ETL's alone (the bench's process also holds the generator, s3rver and the uploads). Runs a full
 * run and then a no-op run, and prints one JSON line (etl-child-report.ts) on stdout.
 * Usage: node --import tsx bench/support/etl-child.ts '<json args>'
 */

const argsSchema = z.object({ warehouseUrl: z.string(), bucket: z.string(), s3Endpoint: z.url(), objectsPerPass: z.int().positive() });

const MB = 1024 * 1024;
const stepsSchema = z.object({ stepMs: z.record(z.string(), z.number()) });

const args = argsSchema.parse(JSON.parse(process.argv[2] ?? "{}"));
const stepMs: Record<string, number> = {};
const passMs: number[] = [];
let passStarted = 0;
const deps = {
  ...createEtlDeps({ WAREHOUSE_URL: args.warehouseUrl, RAW_BUCKET: args.bucket, S3_ENDPOINT: args.s3Endpoint, ETL_MAX_OBJECTS_PER_PASS: args.objectsPerPass }),
  // One run loads the whole backlog, however long it takes.
  timeBudgetMs: 24 * 3_600_000,
  log: (message: string, fields?: Record<string, unknown>) => {
    if (message !== "pass committed") return;
    for (const [step, ms] of Object.entries(stepsSchema.parse(fields).stepMs)) stepMs[step] = (stepMs[step] ?? 0) + ms;
    const now = performance.now();
    passMs.push(Math.round(now - passStarted));
    passStarted = now;
  },
};
const rssBefore = process.memoryUsage().rss;
let sampledPeak = rssBefore;
let peakHeap = 0;
const sampler = setInterval(() => {
  const usage = process.memoryUsage();
  sampledPeak = Math.max(sampledPeak, usage.rss);
  peakHeap = Math.max(peakHeap, usage.heapUsed);
}, 50);
passStarted = performance.now();
let started = performance.now();
const full: EtlResult = await runEtl(deps);
const fullSeconds = (performance.now() - started) / 1000;
clearInterval(sampler);
started = performance.now();
const noop = await runEtl(deps);
const noopSeconds = (performance.now() - started) / 1000;
await closeEtlDeps(deps);
const report: EtlChildReport = {
  fullSeconds,
  noopSeconds,
  full,
  noop,
  stepMs,
  passMs,
  rssBeforeMb: Math.round(rssBefore / MB),
  maxRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / MB),
  sampledPeakRssMb: Math.round(sampledPeak / MB),
  peakHeapUsedMb: Math.round(peakHeap / MB),
};
process.stdout.write(`${JSON.stringify(report)}\n`);
