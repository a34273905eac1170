import { spawn } from "node:child_process";
import http from "node:http";
import { fileURLToPath } from "node:url";
import { browserBatch } from "../ingest/testing/browser-batch.ts";
import { autocannon, summary, type LoadResult } from "./support/autocannon.ts";
import { collect, ingestServer, listen } from "./support/ingest-server.ts";

// The ingest core's throughput over real HTTP, as a ratio to a bare Node handler that only
// JSON.parses the same body, in the same run. Both serve a 50-event batch from their own
// process; autocannon drives them from this one with 20 connections. The core is the whole
// ingest but API Gateway and S3: body decoding, validation of every event (processBatch), gzip
// of the lake object, and an in-process sink that keeps nothing.
// Usage: npx tsx bench/ingest-core.bench.ts [seconds] [connections]
const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 20);
const EVENTS = 50;
const ROUNDS = 5;

/** The servers under test, in a process of their own: prints their URLs as one JSON line. */
async function serve(): Promise<void> {
  const deps = { store: { put: async () => {} } };
  const core = ingestServer(deps);
  const bare = http.createServer((request, response) => {
    void collect(request).then((body) => {
      const batch = JSON.parse(body.toString("utf8")) as { events: unknown[] };
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ accepted: batch.events.length, rejected: [] }));
    });
  });
  console.log(JSON.stringify({ core: await listen(core), bare: await listen(bare) }));
  process.on("SIGTERM", () => process.exit(0));
}

async function run(): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--serve"], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const urls = await new Promise<{ core: string; bare: string }>((resolve) =>
      child.stdout.once("data", (chunk: Buffer) => resolve(JSON.parse(chunk.toString()) as { core: string; bare: string })),
    );
    const body = browserBatch(EVENTS);
    const check = (await (await fetch(urls.core, { method: "POST", body })).json()) as { accepted: number };
    if (check.accepted !== EVENTS) throw new Error(`the core accepted ${JSON.stringify(check)} of ${EVENTS} events`);

    // Alternating rounds, so a change in the machine's load during the run falls on both alike.
    const options = (url: string) => ({ url, method: "POST", body, headers: { "content-type": "text/plain" }, connections });
    await autocannon({ ...options(urls.bare), duration: 2 });
    await autocannon({ ...options(urls.core), duration: 2 });
    const results: Record<"bare" | "core", LoadResult[]> = { bare: [], core: [] };
    for (let round = 0; round < ROUNDS; round++) {
      results.bare.push(await autocannon({ ...options(urls.bare), duration: seconds / ROUNDS }));
      results.core.push(await autocannon({ ...options(urls.core), duration: seconds / ROUNDS }));
    }
    const bare = summary(results.bare);
    const core = summary(results.core);
    console.log(`${EVENTS}-event batch (${Buffer.byteLength(body)} B), ${connections} connections, ${seconds} s each in ${ROUNDS} alternating rounds; servers in one process, load from another`);
    console.log("target              req/s   p99 ms (median of rounds)   failed");
    for (const [name, result] of [["bare JSON.parse", bare], ["ingest core", core]] as const) {
      console.log(`${name.padEnd(16)} ${result.rps.toFixed(0).padStart(8)} ${result.p99.toFixed(1).padStart(9)} ${String(result.failed).padStart(27)}`);
    }
    console.log(`ratio core / bare: req/s ${(core.rps / bare.rps).toFixed(3)} (aim ≥ 0.5), p99 ${(core.p99 / Math.max(bare.p99, 1)).toFixed(1)}×`);
  } finally {
    child.kill();
  }
}

if (process.argv.includes("--serve")) await serve();
else await run();
