import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { toNdjsonGzip } from "../ingest/lake-writer.ts";
import { pageView } from "../lib/tracking/testing/event-factory.ts";
import { runLakeQuery, USAGE } from "./lake-query.ts";
import { ingested, writeLocalLakeObject } from "./testing/lake-records.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lake-query-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function query(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runLakeQuery(argv, { LAKE_MIRROR_DIR: dir }, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe("npm run lake:query", () => {
  it("answers over the mirror as it is with --offline, as a table or as NDJSON", async () => {
    const receivedAt = new Date("2026-11-20T10:00:00.000Z");
    const events = [pageView(), pageView()];
    await writeLocalLakeObject(dir, "raw", receivedAt, toNdjsonGzip(events.map((event) => ingested(event, { receivedAt }))));
    const sql = "SELECT event_id FROM events ORDER BY event_id";
    const ids = events.map((event) => event.event_id).sort();

    const table = await query("--offline", sql);
    expect(table).toMatchObject({ code: 0, stderr: "" });
    expect(table.stdout.split("\n").slice(2, 4)).toEqual(ids);

    const json = await query("--offline", "--json", sql);
    expect(json).toMatchObject({ code: 0, stderr: "" });
    expect(json.stdout).toBe(ids.map((id) => JSON.stringify({ event_id: id }) + "\n").join(""));
  });

  it("reads an empty mirror as an empty lake", async () => {
    expect(await query("--offline", "--json", "SELECT count(*) AS n FROM events")).toEqual({ code: 0, stdout: '{"n":0}\n', stderr: "" });
  });

  it("explains a query DuckDB refuses, with exit code 1", async () => {
    const syntax = await query("--offline", "SELEC event_id FROM events");
    expect(syntax).toMatchObject({ code: 1, stdout: "" });
    expect(syntax.stderr).toMatch(/^lake:query: the query failed: Parser Error: syntax error at or near "SELEC"/);

    const column = await query("--offline", "SELECT no_such_column FROM events");
    expect(column).toMatchObject({ code: 1, stdout: "" });
    expect(column.stderr).toMatch(/^lake:query: the query failed: Binder Error: .*no_such_column/);
  });

  it("prints its usage for --help, and with exit code 2 for a bad command line", async () => {
    expect(await query("--help")).toEqual({ code: 0, stdout: USAGE, stderr: "" });
    for (const argv of [[], ["--offline"], ["--offline", "   "], ["--offline", "SELECT", "1"], ["--nope", "SELECT 1"]]) {
      const result = await query(...argv);
      expect(result, argv.join(" ")).toMatchObject({ code: 2, stdout: "" });
      expect(result.stderr, argv.join(" ")).toMatch(/^lake:query: .+\n\nUsage: /);
    }
  });

  it("says where to find a lake when none is configured", async () => {
    const result = await query("SELECT 1");
    expect(result).toMatchObject({ code: 1, stdout: "" });
    expect(result.stderr).toContain("no lake configured");
  });
});
