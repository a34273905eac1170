import { fileURLToPath } from "node:url";
import { applyMigrations } from "../lib/pg/apply-migrations.ts";

export const WAREHOUSE_MIGRATIONS_DIR = fileURLToPath(new URL("./migrations", import.meta.url));

export function migrateWarehouse(databaseUrl: string): Promise<string[]> {
  return applyMigrations(databaseUrl, WAREHOUSE_MIGRATIONS_DIR);
}
