import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startIngestAdapter } from "../dev/parts/ingest-adapter.ts";
import { startS3 } from "../dev/parts/s3.ts";
import { createIngestHandler } from "../ingest/handler.ts";
import { putLakeObject } from "../ingest/lake-writer.ts";
import { processBatch } from "../ingest/process-batch.ts";
import { browserBatch } from "../ingest/testing/browser-batch.ts";
import { autocannon, summary, type LoadResult } from "./support/autocannon.ts";

// The whole local ingest path (HTTP → adapter → Lambda handler → S3 client → s3rver) as a ratio
// to s3rver's own PUT rate for objects of the size the ingest writes, in the same run. s3rver,
// the adapter with its handler, and the load (autocannon, 20 connections) each run in a process
// of their own; the two loads alternate in rounds so a change in the machine's load falls on both.
// Usage: npx tsx bench/ingest-e2e.bench.ts [seconds] [connections]
const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 20);
const EVENTS = 50;
const ROUNDS = 5;
const BUCKET = "bench-raw";

/** The adapter and the handler, as `npm start` runs them, in a process of their own: prints the URL. */
async function serve(s3Endpoint: string): Promise<void> {
  const handler = createIngestHandler({ RAW_BUCKET: BUCKET, S3_ENDPOINT: s3Endpoint });
  const adapter = await startIngestAdapter({ port: 0, allowedOrigins: [], handler });
  console.log(adapter.url);
  process.on("SIGTERM", () => void adapter.stop().then(() => process.exit(0)));
}

/** The object the ingest writes to raw/ for this body, to PUT the same bytes directly. */
async function rawObjectOf(body: string): Promise<Buffer> {
  const decision = processBatch({ body, receivedAt: new Date(), userAgent: "autocannon", sourceIp: "127.0.0.1", userId: null, trusted: false });
  if (decision.kind !== "batch" || decision.rejected.length > 0) throw new Error("the bench batch is not all valid");
  let object: Buffer = Buffer.alloc(0);
  await putLakeObject({ put: async (_key, bytes) => void (object = bytes) }, "raw", new Date(), decision.accepted);
  return object;
}

async function run(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "compushop-ingest-bench-"));
  const s3 = await startS3({ dataDir: dir, port: 0, bucket: BUCKET, quiet: true });
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--serve", s3.endpoint], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const url = await new Promise<string>((resolve) => child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().trim())));
    const body = browserBatch(EVENTS);
    const object = await rawObjectOf(body);
    const check = (await (await fetch(url, { method: "POST", body })).json()) as { accepted: number };
    if (check.accepted !== EVENTS) throw new Error(`the ingest accepted ${JSON.stringify(check)} of ${EVENTS} events`);

    let next = 0;
    const ingest = { url, method: "POST", body, headers: { "content-type": "text/plain", "user-agent": "autocannon" }, connections };
    const put = {
      url: s3.endpoint,
      method: "PUT",
      body: object,
      headers: { "content-type": "application/x-ndjson", "content-encoding": "gzip" },
      connections,
      // A new key per PUT, as the ingest writes one.
      requests: [{ setupRequest: (request: Record<string, unknown>) => ({ ...request, path: `/${BUCKET}/bench/${process.pid}-${next++}.ndjson.gz` }) }],
    };
    await autocannon({ ...put, duration: 2 });
    await autocannon({ ...ingest, duration: 2 });
    const results: Record<"put" | "ingest", LoadResult[]> = { put: [], ingest: [] };
    for (let round = 0; round < ROUNDS; round++) {
      results.put.push(await autocannon({ ...put, duration: seconds / ROUNDS }));
      results.ingest.push(await autocannon({ ...ingest, duration: seconds / ROUNDS }));
    }
    const direct = summary(results.put);
    const e2e = summary(results.ingest);
    console.log(`${EVENTS}-event batch (${Buffer.byteLength(body)} B) → one ${object.length} B object; ${connections} connections, ${seconds} s each in ${ROUNDS} alternating rounds`);
    console.log("target                          req/s   p99 ms (median of rounds)   failed");
    for (const [name, result] of [["s3rver PUT, same size", direct], ["ingest via adapter to s3rver", e2e]] as const) {
      console.log(`${name.padEnd(28)} ${result.rps.toFixed(0).padStart(8)} ${result.p99.toFixed(1).padStart(9)} ${String(result.failed).padStart(27)}`);
    }
    console.log(`ratio ingest / PUT: req/s ${(e2e.rps / direct.rps).toFixed(3)} (aim ≥ 0.8), p99 ${(e2e.p99 / Math.max(direct.p99, 1)).toFixed(1)}×`);
  } finally {
    child.kill("SIGTERM");
    await s3.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

const serveAt = process.argv.indexOf("--serve");
if (serveAt >= 0) await serve(process.argv[serveAt + 1] ?? "");
else await run();
