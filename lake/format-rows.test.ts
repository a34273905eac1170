import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatNdjson, formatTable, queryRows, type QueryRows } from "./format-rows.ts";

let instance: DuckDBInstance;
const rowsOf = async (sql: string): Promise<QueryRows> => {
  const connection = await instance.connect();
  try {
    return queryRows(await connection.runAndReadAll(sql));
  } finally {
    connection.closeSync();
  }
};

beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
});
afterAll(() => instance.closeSync());

const SAMPLE = `
  SELECT * FROM (VALUES
    ('page_view', 12::BIGINT, '{"a":[1,2]}'::JSON, NULL::VARCHAR, 9007199254740993::HUGEINT),
    ('purchase', 3::BIGINT, NULL::JSON, 'two\nlines', 1::HUGEINT)
  ) AS t(event_name, events, properties, note, big)
  ORDER BY events DESC`;

describe("query rows as text", () => {
  it("prints an aligned table: header, numbers to the right, NULL, one line per row, the row count", async () => {
    expect(formatTable(await rowsOf(SAMPLE)).split("\n")).toEqual([
      "event_name | events | properties  | note      |              big",
      "-----------+--------+-------------+-----------+-----------------",
      "page_view  |     12 | {\"a\":[1,2]} | NULL      | 9007199254740993",
      "purchase   |      3 | NULL        | two lines |                1",
      "(2 rows)",
      "",
    ]);
  });

  it("prints a table of no rows with its header", async () => {
    expect(formatTable(await rowsOf("SELECT 1 AS one WHERE false"))).toBe("one\n---\n(0 rows)\n");
  });

  it("prints NDJSON with JSON columns nested and integers as numbers while exact", async () => {
    const lines = formatNdjson(await rowsOf(SAMPLE)).trimEnd().split("\n").map((line) => JSON.parse(line) as unknown);
    expect(lines).toEqual([
      { event_name: "page_view", events: 12, properties: { a: [1, 2] }, note: null, big: "9007199254740993" },
      { event_name: "purchase", events: 3, properties: null, note: "two\nlines", big: 1 },
    ]);
  });
});
