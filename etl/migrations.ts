import { applyMigrations } from "../lib/pg/apply-migrations.ts";
import { WAREHOUSE_MIGRATIONS_DIR } from "./sql-files.ts";

export function migrateWarehouse(databaseUrl: string): Promise<string[]> {
  return applyMigrations(databaseUrl, WAREHOUSE_MIGRATIONS_DIR);
}
