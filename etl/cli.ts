import { ETL_USAGE, parseEtlArgs, type EtlCommand } from "./cli-args.ts";
import { withCliEtlDeps } from "./cli-deps.ts";
import { rebuildWarehouse } from "./rebuild-warehouse.ts";
import { runEtl } from "./run-etl.ts";

// `npm run etl`: load everything waiting, now (or backfill, reconcile, rebuild: --help). Without
// WAREHOUSE_URL in the environment it uses the parts the local runner (`npm start`) is running.
let command: EtlCommand;
try {
  command = parseEtlArgs(process.argv.slice(2));
} catch (error) {
  console.error(`etl: ${error instanceof Error ? error.message : String(error)}\n\n${ETL_USAGE}`);
  process.exit(2);
}
if (command.kind === "help") {
  console.log(ETL_USAGE);
  process.exit(0);
}

await withCliEtlDeps(async (deps) => {
  if (command.kind === "rebuild") {
    const { days, stepMs, checks } = await rebuildWarehouse(deps.warehouse, command);
    console.log(JSON.stringify({ rebuilt: days.length, from: days[0] ?? null, to: days.at(-1) ?? null, stepMs }));
    const failed = checks.filter((check) => check.severity === "error" && check.failures > 0);
    if (failed.length > 0) {
      console.error(JSON.stringify({ checksFailed: failed }));
      process.exitCode = 1;
    }
    return;
  }
  for (let run = 1; ; run += 1) {
    const result = await runEtl(deps, command.request);
    console.log(JSON.stringify({ run, ...result }));
    if (result.checksFailed.length > 0) process.exitCode = 1;
    if (result.status !== "succeeded" || !result.backlog) break;
  }
});
