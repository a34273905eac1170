import { loadBoundSecrets } from "../lib/secrets/bound-secrets.ts";
import { createEtlDeps, parseEtlEnv } from "./etl-env.ts";
import { migrateWarehouse } from "./migrations.ts";
import { runEtl, type EtlDeps, type EtlResult } from "./run-etl.ts";

let ready: Promise<EtlDeps> | undefined;

/** Once per container: connect, and bring the warehouse schema up to date. */
function prepare(): Promise<EtlDeps> {
  ready ??= (async () => {
    await loadBoundSecrets(["WAREHOUSE_URL"]);
    const env = parseEtlEnv(process.env);
    await migrateWarehouse(env.WAREHOUSE_URL);
    return createEtlDeps(env, (message, fields) => console.log(JSON.stringify({ message, ...fields })));
  })().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

/** EventBridge schedule → one ETL pass. */
export async function handler(): Promise<EtlResult> {
  return runEtl(await prepare());
}
