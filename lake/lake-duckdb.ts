import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance, type DuckDBConnection, type DuckDBResultReader } from "@duckdb/node-api";
import type { LakeArea } from "../lib/lake/keys.ts";

const VIEWS_DIR = fileURLToPath(new URL("./views", import.meta.url));

/**
 * The fields read from each line, typed as the engines at scale would declare them (an Athena
 * table, a Spark schema): a field a line lacks is NULL, a field it adds is ignored. The event is
 * read as JSON because its shape differs by name and version. Times stay text here and are
 * parsed in the views, so one bad value never costs its line.
 */
const LINE_COLUMNS: Record<LakeArea, Record<string, string>> = {
  raw: {
    schema_version: "INTEGER",
    event_version: "INTEGER",
    received_at: "VARCHAR",
    sent_at: "VARCHAR",
    derived_at: "VARCHAR",
    user_agent: "VARCHAR",
    client_ip: "VARCHAR",
    user_id: "VARCHAR",
    trusted: "BOOLEAN",
    flags: "VARCHAR[]",
    event: "JSON",
  },
  rejected: {
    schema_version: "INTEGER",
    received_at: "VARCHAR",
    index: "INTEGER",
    reason: "VARCHAR",
    payload: "JSON",
  },
};

/** Beside the line's own fields: its file and the partition columns of its path (the receive time). */
const PATH_COLUMNS: Record<string, string> = { filename: "VARCHAR", dt: "DATE", hr: "INTEGER" };

/** The views over the sources, in order; each file creates one. */
const VIEW_FILES = ["raw-events.sql", "events.sql", "rejected-events.sql"] as const;

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const identifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

const globOf = (dir: string, area: LakeArea) => path.join(path.resolve(dir), area, "**", "*.ndjson.gz");

/** read_ndjson over the area's objects; with none, an empty relation of the same columns (a glob without a match is an error). */
function sourceSql(area: LakeArea, glob: string, hasObjects: boolean): string {
  const columns = LINE_COLUMNS[area];
  if (!hasObjects) {
    const nulls = Object.entries({ ...columns, ...PATH_COLUMNS }).map(([name, type]) => `CAST(NULL AS ${type}) AS ${identifier(name)}`);
    return `SELECT ${nulls.join(", ")} WHERE false`;
  }
  const spec = Object.entries(columns).map(([name, type]) => `${identifier(name)}: ${literal(type)}`);
  return `SELECT * FROM read_ndjson(${literal(glob)},
    columns = {${spec.join(", ")}},
    compression = 'gzip',
    hive_partitioning = true,
    hive_types = {'dt': DATE, 'hr': INTEGER},
    filename = true,
    ignore_errors = true)`;
}

export interface LakeDb {
  /** Runs SQL (one or more statements) and returns the last statement's rows. */
  run(sql: string): Promise<DuckDBResultReader>;
  close(): void;
}

/**
 * An in-memory DuckDB over a local copy of the lake (see mirror-lake.ts), with the views
 * raw_events (every event line), events (one row per event_id) and rejected_events. Open it
 * after the copy is complete: whether an area is empty is settled here.
 */
export async function openLake(dir: string): Promise<LakeDb> {
  const instance = await DuckDBInstance.create(":memory:");
  let connection: DuckDBConnection | undefined;
  try {
    connection = await instance.connect();
    await connection.run("SET TimeZone = 'UTC'");
    for (const area of ["raw", "rejected"] as const) {
      const glob = globOf(dir, area);
      const found = await connection.runAndReadAll(`SELECT count(*) > 0 AS found FROM glob(${literal(glob)})`);
      const hasObjects = found.getRowObjectsJS()[0]?.["found"] === true;
      await connection.run(`CREATE VIEW ${area}_lines AS ${sourceSql(area, glob, hasObjects)}`);
    }
    for (const file of VIEW_FILES) await connection.run(readFileSync(path.join(VIEWS_DIR, file), "utf8"));
  } catch (error) {
    connection?.closeSync();
    instance.closeSync();
    throw error;
  }
  const open = connection;
  return {
    run: (sql) => open.runAndReadAll(sql),
    close() {
      open.closeSync();
      instance.closeSync();
    },
  };
}
