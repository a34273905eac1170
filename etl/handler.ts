import { loadBoundSecrets } from "../lib/secrets/bound-secrets.ts";
import { createEtlDeps, parseEtlEnv } from "./etl-env.ts";
import { migrateWarehouse } from "./migrations.ts";
import { etlOptionsFromEvent } from "./etl-request.ts";
import { lagMetricLine } from "./lag-metric.ts";
import { runEtl, type EtlDeps, type EtlResult } from "./run-etl.ts";

let ready: Promise<EtlDeps> | undefined;

/** Once per container: connect, and bring the warehouse schema up to date. */
function prepare(): Promise<EtlDeps> {
  ready ??= (async () => {
    // SHOP_READONLY_URL is optional: without it the ETL skips reconciliation with the shop.
    await loadBoundSecrets(["WAREHOUSE_URL", "SHOP_READONLY_URL"]);
    const env = parseEtlEnv(process.env);
    await migrateWarehouse(env.WAREHOUSE_URL);
    return createEtlDeps(env, (message, fields) => console.log(JSON.stringify({ message, ...fields })));
  })().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

/** Time left for the run's last pass to finish and record itself before the Lambda times out. */
const SAFETY_MARGIN_MS = 3 * 60_000;

/**
 * EventBridge schedule → one ETL run: passes until the backlog is empty or the Lambda's time is
 * nearly up (a pass is bounded, so the last one finishes within the margin). Invoked by hand
 * with a request instead (etl-request.ts: {"backfill": {"from", "to"}}, {"reconcile": "now"}),
 * it does that.
 */
export async function handler(event: unknown, context?: { getRemainingTimeInMillis(): number }): Promise<EtlResult> {
  const options = etlOptionsFromEvent(event);
  const deps = await prepare();
  const remaining = context?.getRemainingTimeInMillis();
  const result = await runEtl(remaining === undefined ? deps : { ...deps, timeBudgetMs: Math.max(0, remaining - SAFETY_MARGIN_MS) }, options);
  // Only the scheduled runs report lag: a backfill's waiting objects are older by design.
  const lag = options.backfill ? null : lagMetricLine(result, new Date(), process.env.SST_STAGE ?? "local");
  if (lag) console.log(lag);
  return result;
}
