import { runner } from "node-pg-migrate";

/**
 * Applies every pending SQL migration in `dir` (node-pg-migrate's `-- Up Migration` files) in one
 * transaction, under node-pg-migrate's advisory lock, so concurrent starters cannot race.
 * Returns the names of the migrations it ran. `count` stops after that many (tests of a data
 * migration bring a database to the version before it).
 */
export async function applyMigrations(databaseUrl: string, dir: string, options: { count?: number } = {}): Promise<string[]> {
  const ran = await runner({
    ...(options.count === undefined ? {} : { count: options.count }),
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
