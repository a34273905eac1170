import { DuckDBTypeId, type DuckDBResultReader, type Json } from "@duckdb/node-api";

/** A query's result as printed: DuckDB's lossless JSON form of each value (big integers and decimals as text). */
export interface QueryRows {
  columns: Array<{ name: string; typeId: DuckDBTypeId; json: boolean }>;
  rows: Json[][];
}

export function queryRows(result: DuckDBResultReader): QueryRows {
  const types = result.columnTypes();
  return {
    columns: result.columnNames().map((name, index) => ({
      name,
      typeId: types[index]?.typeId ?? DuckDBTypeId.VARCHAR,
      json: types[index]?.alias === "JSON",
    })),
    rows: result.getRowsJson(),
  };
}

const WIDE_INTEGERS = new Set([DuckDBTypeId.BIGINT, DuckDBTypeId.UBIGINT, DuckDBTypeId.HUGEINT, DuckDBTypeId.UHUGEINT]);
const NUMERIC = new Set([
  ...WIDE_INTEGERS,
  DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER, DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE, DuckDBTypeId.DECIMAL,
]);

function jsonValue(column: QueryRows["columns"][number], value: Json): Json {
  if (typeof value !== "string") return value;
  if (column.json) {
    try {
      return JSON.parse(value) as Json;
    } catch {
      return value;
    }
  }
  // count(*) and sum() are BIGINT: print them as numbers when no precision is lost.
  if (WIDE_INTEGERS.has(column.typeId) && Number.isSafeInteger(Number(value))) return Number(value);
  return value;
}

/** One JSON object per row, a line each; JSON columns nested as values, not as text. */
export function formatNdjson({ columns, rows }: QueryRows): string {
  return rows
    .map((row) => JSON.stringify(Object.fromEntries(columns.map((column, index) => [column.name, jsonValue(column, row[index] ?? null)]))) + "\n")
    .join("");
}

const cellText = (value: Json): string => (value === null ? "NULL" : typeof value === "string" ? value : JSON.stringify(value));

/** An aligned text table with a header, numbers to the right, and the row count. */
export function formatTable({ columns, rows }: QueryRows): string {
  const cells = rows.map((row) => columns.map((_, index) => cellText(row[index] ?? null).replace(/\s/g, " ")));
  const widths = columns.map((column, index) => Math.max(column.name.length, ...cells.map((row) => row[index]!.length)));
  const line = (values: string[]) =>
    values
      .map((value, index) => (NUMERIC.has(columns[index]!.typeId) ? value.padStart(widths[index]!) : value.padEnd(widths[index]!)))
      .join(" | ")
      .trimEnd();
  const header = [line(columns.map((column) => column.name)), widths.map((width) => "-".repeat(width)).join("-+-")];
  const count = `(${rows.length} ${rows.length === 1 ? "row" : "rows"})`;
  return [...header, ...cells.map(line), count].join("\n") + "\n";
}
