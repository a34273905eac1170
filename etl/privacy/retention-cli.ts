import { withCliEtlDeps } from "../cli-deps.ts";
import { EtlBusyError } from "./etl-lock.ts";
import { parseRetentionArgs, type RetentionSetting } from "./privacy-args.ts";
import { applyRetention } from "./retention.ts";

// `npm run retention -- --days N`, or RETENTION_DAYS=N; off (does nothing) when neither is set.
let setting: RetentionSetting;
try {
  setting = parseRetentionArgs(process.argv.slice(2), process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
if (setting.kind === "off") {
  console.log(JSON.stringify({ retention: "off", reason: "neither --days nor RETENTION_DAYS is set" }));
} else {
  const days = setting.days;
  try {
    console.log(JSON.stringify({ retention: "applied", days, ...(await withCliEtlDeps((deps) => applyRetention(deps, days))) }));
  } catch (error) {
    if (!(error instanceof EtlBusyError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
