// `npm run test:r`: the Shiny dashboard's R tests (shiny/tests/testthat) against a real,
// migrated warehouse in a throwaway embedded PostgreSQL.
//
// Starts PostgreSQL on a free port in a temporary directory, applies the warehouse migrations,
// runs testthat with WAREHOUSE_URL set, streams its output, always stops PostgreSQL and removes
// the directory, and exits with Rscript's exit code.
//
// Extra arguments are a testthat filter, e.g. `npm run test:r -- queries` runs test-queries*.R.

import { spawn } from "node:child_process";
import os from "node:os";
import { fileURLToPath } from "node:url";
import type { PostgresPart } from "./parts/postgres.ts";
import { throwawayPostgres } from "./testing/local-parts.ts";
import { migrateWarehouse } from "../etl/migrations.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const filter = process.argv.slice(2).join("|");

function testthatCall(): string {
  const args = [
    'testthat::test_dir("shiny/tests/testthat"',
    'reporter = "summary"',
    "stop_on_failure = TRUE",
    "stop_on_warning = FALSE",
  ];
  if (filter !== "") args.push(`filter = ${JSON.stringify(filter)}`);
  return `${args.join(", ")})`;
}

function runRscript(env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn("Rscript", ["--vanilla", "-e", testthatCall()], {
      cwd: root,
      env,
      stdio: ["ignore", "inherit", "inherit"],
    });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const onInt = forward("SIGINT");
    const onTerm = forward("SIGTERM");
    process.on("SIGINT", onInt);
    process.on("SIGTERM", onTerm);
    child.once("error", (error) => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      reject(
        (error as NodeJS.ErrnoException).code === "ENOENT"
          ? new Error("Rscript was not found: install R (see shared README, r-base-core and r-cran-*)")
          : error,
      );
    });
    child.once("exit", (code, signal) => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      resolve(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1));
    });
  });
}

async function main(): Promise<number> {
  let postgres: PostgresPart | undefined;
  try {
    postgres = await throwawayPostgres("warehouse_test");
    const applied = await migrateWarehouse(postgres.url);
    console.log(`test:r: warehouse on port ${postgres.port}, migrations: ${applied.join(", ") || "none"}`);

    // A zone other than UTC, so code leaning on the machine's time zone fails here, not in production.
    const env: NodeJS.ProcessEnv = { ...process.env, WAREHOUSE_URL: postgres.url, TZ: "America/Los_Angeles" };
    for (const name of ["WAREHOUSE_HOST", "WAREHOUSE_PORT", "WAREHOUSE_USER", "WAREHOUSE_PASSWORD", "WAREHOUSE_DB"]) {
      delete env[name];
    }
    const code = await runRscript(env);
    console.log(code === 0 ? "test:r: R tests passed" : `test:r: R tests failed (Rscript exit code ${code})`);
    return code;
  } finally {
    await postgres?.stop().catch((error: unknown) => console.error("test:r: stopping PostgreSQL failed:", error));
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("test:r:", error);
    process.exit(1);
  },
);
