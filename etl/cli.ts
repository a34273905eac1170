import { closeEtlDeps, createEtlDeps, parseEtlEnv } from "./etl-env.ts";
import { readLocalRuntime } from "./local-runtime.ts";
import { migrateWarehouse } from "./migrations.ts";
import { runEtl } from "./run-etl.ts";

// `npm run etl`: load everything waiting, now. Without WAREHOUSE_URL in the environment it uses
// the parts the local runner (`npm start`) is running.
const env = parseEtlEnv({ ...(await readLocalRuntime()), ...process.env });
await migrateWarehouse(env.WAREHOUSE_URL);
const deps = createEtlDeps(env);
try {
  for (let pass = 1; ; pass += 1) {
    const result = await runEtl(deps);
    console.log(JSON.stringify({ pass, ...result }));
    if (result.status !== "succeeded" || !result.backlog) break;
  }
} finally {
  await closeEtlDeps(deps);
}
