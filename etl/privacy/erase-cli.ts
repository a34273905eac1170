import { withCliEtlDeps } from "../cli-deps.ts";
import { erase } from "./erase.ts";
import { EtlBusyError } from "./etl-lock.ts";
import { parseEraseArgs } from "./privacy-args.ts";
import type { Subject } from "./subject.ts";

// `npm run erase -- --user <id>` or `-- --anonymous <uuid>`. Without WAREHOUSE_URL in the
// environment it uses the parts the local runner (`npm start`) is running, as `npm run etl` does.
let subject: Subject;
try {
  subject = parseEraseArgs(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
try {
  const result = await withCliEtlDeps((deps) => erase(deps, subject));
  console.log(JSON.stringify({ erased: subject.kind, ...result }));
} catch (error) {
  if (!(error instanceof EtlBusyError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
