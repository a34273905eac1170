import { runner } from "node-pg-migrate";

/**
 * Applies every pending SQL migration in `dir` (node-pg-migrate's `-- Up Migration` files) in one
 * transaction, under node-pg-migrate's advisory lock, so concurrent starters cannot race.
 * Returns the names of the migrations it ran.
 */
export async function applyMigrations(databaseUrl: string, dir: string): Promise<string[]> {
  const ran = await runner({
    databaseUrl,
    dir,
    direction: "up",
    migrationsTable: "schema_migrations",
    singleTransaction: true,
    checkOrder: true,
    log: () => {},
  });
  return ran.map((migration) => migration.name);
}
