import { fileURLToPath } from "node:url";
import { applyMigrations } from "../pg/apply-migrations.ts";

export const SHOP_MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

export function migrateShop(databaseUrl: string): Promise<string[]> {
  return applyMigrations(databaseUrl, SHOP_MIGRATIONS_DIR);
}
