import { fileURLToPath } from "node:url";

// Where the ETL's SQL files live. Resolved from this file, which sits in etl/ both in the source
// tree and, bundled into etl/handler.mjs, in the Lambda (stacks/Etl.ts copies the folders there).
export const WAREHOUSE_MIGRATIONS_DIR = fileURLToPath(new URL("./migrations", import.meta.url));
export const MODEL_SQL_DIR = fileURLToPath(new URL("./model", import.meta.url));
