import { runnerConfig } from "./config.ts";
import { startSystem } from "./system.ts";

// `npm start`: the whole system on local parts. Ctrl-C stops every child.
const startedAt = Date.now();
const config = runnerConfig();
const system = await startSystem(config);

console.log(`\nCompuShop is running (started in ${((Date.now() - startedAt) / 1000).toFixed(1)} s):`);
for (const [name, url] of Object.entries(system.urls)) console.log(`  ${name.padEnd(13)} ${url}`);
console.log(`\nThe ETL runs every ${config.ETL_INTERVAL_SECONDS} s; \`npm run etl\` runs a pass now. Ctrl-C stops everything.\n`);

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  system.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
