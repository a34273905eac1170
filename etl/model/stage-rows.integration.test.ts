import { describe, expect, it } from "vitest";
import { readLakeLine } from "../../lib/tracking/schema.ts";
import { pageView, rawRecord } from "../../lib/tracking/testing/event-factory.ts";
import { toFactEventRow, type FactEventRow } from "../parse-raw-object.ts";
import { etlTestParts } from "../testing/etl-test-parts.ts";
import { createStageTables } from "./refresh-model.ts";
import { stageRows } from "./stage-rows.ts";

const parts = etlTestParts("stage-rows");

/** `count` page views whose titles carry tabs, newlines and backslashes, as staged rows. */
function rows(count: number): FactEventRow[] {
  return Array.from({ length: count }, (_, index) => {
    const event = pageView({ page: { url: `http://127.0.0.1:3000/p/${index}`, path: `/p/${index}`, referrer: null, title: `Page ${index}\t\\ ${"x".repeat(300)}\n` } });
    const read = readLakeLine(JSON.parse(JSON.stringify(rawRecord(event))));
    if (!read.ok) throw new Error("the factory made an invalid record");
    return toFactEventRow(read.event, "raw/dt=2026-11-18/hr=10/a.ndjson.gz", index + 1);
  });
}

describe("stageRows (COPY into the pass's staging tables)", () => {
  it.each([1, 2_000])("stages every one of %i rows intact, however the COPY chunks them", async (count) => {
    const staged = rows(count);
    const client = await parts.sql.connect();
    try {
      await client.query("BEGIN");
      await createStageTables(client);
      let streamingCalls = 0;
      await stageRows(client, staged, async () => {
        streamingCalls += 1;
      });
      const result = await client.query<{ event_id: string; page_title: string; line_number: number }>(
        "SELECT event_id::text, page_title, line_number FROM stage_event ORDER BY line_number",
      );
      expect(streamingCalls).toBe(1);
      expect(result.rows).toEqual(staged.map((row) => ({ event_id: row.event_id, page_title: row.page_title, line_number: row.line_number })));
      const devices = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM stage_device");
      expect(devices.rows[0]?.n).toBe(1);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });
});
