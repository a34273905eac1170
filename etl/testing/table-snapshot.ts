import type pg from "pg";

/**
 * Each table's rows as JSON text, sorted, without the `omit` columns (lineage, run ids, serials):
 * two warehouses compare equal when they hold the same rows, whatever order they were written in.
 */
export async function tableSnapshot(sql: pg.Pool, tables: readonly string[], omit: readonly string[] = []): Promise<Record<string, string[]>> {
  const dropped = omit.map((column) => ` - '${column}'`).join("");
  const snapshot: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await sql.query<{ row: string }>(`SELECT (to_jsonb(t)${dropped})::text AS row FROM ${table} t`);
    snapshot[table] = rows.rows.map((r) => r.row).sort();
  }
  return snapshot;
}
