import { readLocalRuntime } from "./local-runtime.ts";
import { closeEtlDeps, createEtlDeps, parseEtlEnv } from "./etl-env.ts";
import { migrateWarehouse } from "./migrations.ts";
import { runEtl } from "./run-etl.ts";

// `npm run etl`: one pass now. Without WAREHOUSE_URL in the environment it uses the parts the
// local runner (`npm start`) is running.
const env = parseEtlEnv({ ...(await readLocalRuntime()), ...process.env });
await migrateWarehouse(env.WAREHOUSE_URL);
const deps = createEtlDeps(env);
try {
  let result = await runEtl(deps);
  let passes = 1;
  while (result.status === "succeeded" && result.backlog) {
    result = await runEtl(deps);
    passes += 1;
  }
  console.log(JSON.stringify({ ...result, passes }));
} finally {
  await closeEtlDeps(deps);
}
