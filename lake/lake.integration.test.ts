import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, stat, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { DeleteObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { localRuntimeFile, writeLocalRuntime } from "../etl/local-runtime.ts";
import { etlTestParts } from "../etl/testing/etl-test-parts.ts";
import { runEtl } from "../etl/run-etl.ts";
import { writeLakeObject } from "../ingest/lake-writer.ts";
import { lakeObjectKey } from "../lib/lake/keys.ts";
import type { RawEventRecord, RawEventRecordV1 } from "../lib/tracking/schema.ts";
import { pageView, pageViewV1, productUpdated, productView, purchase, sampleProduct, visitorEvent } from "../lib/tracking/testing/event-factory.ts";
import { openLake, type LakeDb } from "./lake-duckdb.ts";
import { mirrorLake, UNREADABLE_SUFFIX } from "./mirror-lake.ts";
import { ingested, ingestedV1, legacyV1 } from "./testing/lake-records.ts";

// The raw lake read as the engines at scale read it (files, hive partitions, a declared schema),
// by DuckDB over a local mirror of a real s3rver bucket, against the warehouse the real ETL built.
const parts = etlTestParts("lake-test");

let dir: string;
let lake: LakeDb | undefined;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lake-mirror-"));
});
afterEach(async () => {
  lake?.close();
  lake = undefined;
  await rm(dir, { recursive: true, force: true });
});

interface LakeObject {
  receivedAt: Date;
  /** A string is written as a JSON string: a line that is no record. */
  lines: Array<RawEventRecord | RawEventRecordV1 | string>;
}

const at = (iso: string) => new Date(iso);

async function putObjects(objects: readonly LakeObject[]): Promise<void> {
  for (const { receivedAt, lines } of objects) await writeLakeObject(parts.deps.s3, parts.deps.bucket, "raw", receivedAt, lines);
}

/** Three days of a small shop: two objects in each of two hours a day, and the odd cases between. */
function threeDays(): LakeObject[] {
  const objects: LakeObject[] = [];
  for (const day of ["2026-11-18", "2026-11-19", "2026-11-20"]) {
    for (const hour of ["09", "23"]) {
      for (const second of ["10", "20"]) {
        const receivedAt = at(`${day}T${hour}:40:${second}.000Z`);
        const visitor = { anonymous_id: randomUUID(), session_id: uuidv7() };
        const minute = (mm: string) => `${day}T${hour}:${mm}:00.000Z`;
        objects.push({
          receivedAt,
          lines: [
            pageView({ ...visitor, occurred_at: minute("30") }),
            productView(sampleProduct, { ...visitor, occurred_at: minute("31") }),
            visitorEvent("add_to_cart", { ...sampleProduct, quantity: 1 }, { ...visitor, occurred_at: minute("32") }),
          ].map((event) => ingested(event, { receivedAt })),
        });
      }
    }
  }
  const retried = objects[0]!.lines[0]!;
  const straddling = pageView({ occurred_at: "2026-11-20T23:59:59.900Z" });
  objects.push(
    // A tracker retry: the same line again, an hour later.
    { receivedAt: at("2026-11-18T10:05:00.000Z"), lines: [retried, "not a record"] },
    {
      receivedAt: at("2026-11-19T00:10:01.000Z"),
      lines: [
        // Queued offline before midnight, sent after it: the day before its partition's.
        ingested(pageView({ occurred_at: "2026-11-18T23:50:00.000Z" }), { receivedAt: at("2026-11-19T00:10:01.000Z"), sentAt: "2026-11-19T00:10:00.000Z" }),
        // A version 1 line of the old ingest, its time in another zone: the day before in UTC.
        legacyV1({ ...pageViewV1(), occurred_at: "2026-11-19T01:30:00.000+02:00" }, { receivedAt: at("2026-11-19T00:10:01.000Z") }),
      ],
    },
    {
      receivedAt: at("2026-11-19T23:40:00.000Z"),
      lines: [
        // A device clock an hour fast: it says the next day, its derived time does not.
        ingested(pageView({ occurred_at: "2026-11-20T00:39:00.000Z" }), { receivedAt: at("2026-11-19T23:40:00.000Z"), sentAt: "2026-11-20T00:40:00.000Z" }),
        ingested({ ...purchase(sampleProduct, 2), user_id: "user-1", occurred_at: "2026-11-19T23:39:00.000Z" }, { receivedAt: at("2026-11-19T23:40:00.000Z"), trusted: true }),
        ingested({ ...productUpdated(sampleProduct, 5), occurred_at: "2026-11-19T23:38:00.000Z" }, { receivedAt: at("2026-11-19T23:40:00.000Z"), trusted: true }),
        ingestedV1({ ...pageViewV1(), occurred_at: "2026-11-19T23:37:00.000Z" }, { receivedAt: at("2026-11-19T23:40:00.000Z") }),
      ],
    },
    // A retry whose clock correction lands past midnight: its first arrival decides its day.
    { receivedAt: at("2026-11-20T23:59:59.950Z"), lines: [ingested(straddling, { receivedAt: at("2026-11-20T23:59:59.950Z") })] },
    { receivedAt: at("2026-11-21T00:00:03.000Z"), lines: [ingested(straddling, { receivedAt: at("2026-11-21T00:00:03.000Z"), sentAt: "2026-11-21T00:00:01.000Z" })] },
  );
  return objects;
}

async function duck<T>(sql: string): Promise<T[]> {
  return (await lake!.run(sql)).getRowObjectsJS() as T[];
}

describe("the raw lake read by DuckDB", () => {
  it("holds the same events per day as the warehouse", async () => {
    await putObjects(threeDays());
    expect(await runEtl(parts.deps)).toMatchObject({ status: "succeeded", backlog: false, duplicates: 2, rejected: 1 });
    await mirrorLake({ s3: parts.deps.s3, bucket: parts.deps.bucket, dir });
    lake = await openLake(dir);

    const perDay = await duck<{ day: string; events: number }>(
      "SELECT event_date::VARCHAR AS day, count(DISTINCT event_id)::INTEGER AS events FROM events GROUP BY ALL ORDER BY day",
    );
    const warehousePerDay = await parts.sql.query<{ day: string; events: number }>(
      "SELECT event_date::text AS day, count(*)::int AS events FROM fact_event GROUP BY 1 ORDER BY 1",
    );
    expect(perDay).toEqual(warehousePerDay.rows);

    const perEvent = await duck<{ event_id: string; day: string; name: string; trusted: boolean }>(
      "SELECT event_id, event_date::VARCHAR AS day, event_name AS name, trusted FROM events ORDER BY event_id",
    );
    const warehousePerEvent = await parts.sql.query(
      "SELECT event_id::text, event_date::text AS day, event_name AS name, trusted FROM fact_event ORDER BY event_id",
    );
    expect(perEvent).toEqual(warehousePerEvent.rows);
    expect(perEvent.filter((event) => event.trusted).map((event) => event.name).sort()).toEqual(["product_updated", "purchase"]);

    // What the comparison is worth: the days differ from the partitions', and the lines from the events.
    const perPartitionDay = await duck<{ day: string; events: number }>(
      "SELECT dt::VARCHAR AS day, count(DISTINCT event_id)::INTEGER AS events FROM raw_events GROUP BY ALL ORDER BY day",
    );
    expect(perPartitionDay).not.toEqual(perDay);
    const [lines] = await duck<{ n: bigint }>("SELECT count(*) AS n FROM raw_events");
    expect(Number(lines!.n)).toBe(perEvent.length + 2);
  });

  it("mirrors only the keys it lacks, leaves unreadable objects out and drops keys the bucket lost", async () => {
    const { s3, bucket } = parts.deps;
    const receivedAt = at("2026-11-20T10:00:00.000Z");
    const write = (events = [pageView()]) => writeLakeObject(s3, bucket, "raw", receivedAt, events.map((event) => ingested(event, { receivedAt })));
    const first = [await write(), await write()];
    await writeLakeObject(s3, bucket, "rejected", receivedAt, [{ schema_version: 2, received_at: receivedAt.toISOString(), index: 0, reason: "bad", payload: {} }]);

    expect(await mirrorLake({ s3, bucket, dir })).toEqual({ listed: 3, copied: 3, unreadable: [], removed: 0 });
    // An old time on a mirrored copy: fetched again, it would be written anew.
    const copy = path.join(dir, first[0]!);
    const old = new Date("2000-01-01T00:00:00.000Z");
    await utimes(copy, old, old);

    const added = await write();
    const corrupt = lakeObjectKey("raw", receivedAt);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: corrupt, Body: Buffer.from("not gzip at all") }));
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: first[1]! }));
    await writeFile(path.join(dir, "raw/dt=2026-11-20/hr=10/left-from-a-crash.partial"), "x");

    expect(await mirrorLake({ s3, bucket, dir })).toEqual({ listed: 4, copied: 2, unreadable: [corrupt], removed: 2 });
    expect((await stat(copy)).mtime).toEqual(old);
    await expect(stat(path.join(dir, first[1]!))).rejects.toMatchObject({ code: "ENOENT" });
    await expect(stat(path.join(dir, added))).resolves.toBeDefined();
    await expect(stat(path.join(dir, corrupt + UNREADABLE_SUFFIX))).resolves.toBeDefined();

    expect(await mirrorLake({ s3, bucket, dir })).toEqual({ listed: 4, copied: 0, unreadable: [corrupt], removed: 0 });
    await rm(path.join(dir, added));
    expect(await mirrorLake({ s3, bucket, dir, areas: ["raw"] })).toMatchObject({ listed: 3, copied: 1 });

    // The unreadable object costs nothing but itself.
    lake = await openLake(dir);
    const [counted] = await duck<{ objects: bigint }>("SELECT count(DISTINCT object_key) AS objects FROM raw_events");
    expect(Number(counted!.objects)).toBe(2);
  });

  it("answers `npm run lake:query` from the running local system's lake or RAW_BUCKET, and fails clearly on bad SQL", async () => {
    const run = promisify(execFile);
    const root = fileURLToPath(new URL("..", import.meta.url));
    const tsx = path.join(root, "node_modules", ".bin", "tsx");
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir };
    for (const name of ["RAW_BUCKET", "S3_ENDPOINT", "LAKE_MIRROR_DIR"]) delete env[name];
    // What `npm start` records of the parts it runs.
    await writeLocalRuntime({ RAW_BUCKET: parts.deps.bucket, S3_ENDPOINT: parts.s3.endpoint }, localRuntimeFile(dir));
    const receivedAt = at("2026-11-20T10:00:00.000Z");
    const key = await writeLakeObject(parts.deps.s3, parts.deps.bucket, "raw", receivedAt, [pageView(), pageView()].map((event) => ingested(event, { receivedAt })));

    const ok = await run(tsx, ["lake/cli.ts", "--json", "SELECT event_date::VARCHAR AS day, count(*) AS events FROM events GROUP BY ALL"], { cwd: root, env });
    expect(ok.stdout).toBe(`${JSON.stringify({ day: "2026-11-20", events: 2 })}\n`);
    expect(ok.stderr).toContain("1 listed, 1 copied, 0 removed");
    await expect(stat(path.join(dir, "lake-mirror", key))).resolves.toBeDefined();

    const explicit = { ...env, DATA_DIR: path.join(dir, "elsewhere"), RAW_BUCKET: parts.deps.bucket, S3_ENDPOINT: parts.s3.endpoint, LAKE_MIRROR_DIR: path.join(dir, "lake-mirror") };
    const failed = await run(tsx, ["lake/cli.ts", "SELECT * FROM no_such_view"], { cwd: root, env: explicit }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failed).toMatchObject({ code: 1, stdout: "" });
    const stderr = String((failed as { stderr?: unknown }).stderr);
    expect(stderr).toContain("1 listed, 0 copied, 0 removed");
    expect(stderr).toMatch(/lake:query: the query failed: Catalog Error: .*no_such_view/);
  });
});
