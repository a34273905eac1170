import { readLocalRuntime } from "../etl/local-runtime.ts";
import { runLakeQuery } from "./lake-query.ts";

// `npm run lake:query -- "SQL"`. Without RAW_BUCKET in the environment it copies the lake of
// the parts the local runner (`npm start`) is running.
process.exitCode = await runLakeQuery(process.argv.slice(2), { ...(await readLocalRuntime()), ...process.env }, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
