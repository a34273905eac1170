import { closeEtlDeps, createEtlDeps, parseEtlEnv } from "./etl-env.ts";
import { readLocalRuntime } from "./local-runtime.ts";
import { migrateWarehouse } from "./migrations.ts";
import type { EtlDeps } from "./run-etl.ts";

/**
 * For the warehouse's commands (`npm run etl`, `erase`, `retention`): the ETL's connections from
 * the environment, else from the parts the local runner (`npm start`) is running, with the
 * warehouse migrated; closed when `work` ends.
 */
export async function withCliEtlDeps<T>(work: (deps: EtlDeps) => Promise<T>): Promise<T> {
  const env = parseEtlEnv({ ...(await readLocalRuntime()), ...process.env });
  await migrateWarehouse(env.WAREHOUSE_URL);
  const deps = createEtlDeps(env);
  try {
    return await work(deps);
  } finally {
    await closeEtlDeps(deps);
  }
}
