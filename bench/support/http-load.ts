import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { autocannon } from "./autocannon.ts";
import { percentile } from "./percentile.ts";

// Load on one URL with autocannon, in a process of its own so the load generator is not the
// caller's event loop, and every response time kept: autocannon's own summary has p90 and p97.5
// but no p95, which is the percentile the storefront's bar is set on.

const loadResultSchema = z.object({
  requestsPerSecond: z.number(),
  p50: z.number(),
  p95: z.number(),
  p99: z.number(),
  failed: z.number().int(),
});
export type HttpLoadResult = z.infer<typeof loadResultSchema>;

const runFile = fileURLToPath(import.meta.url);

/** Runs the load in a child process (after a 2 s warm-up on the same connections). Times in ms. */
export function httpLoad(url: string, connections: number, seconds: number): HttpLoadResult {
  const run = spawnSync(process.execPath, ["--import", "tsx", runFile, url, String(connections), String(seconds)], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`the load on ${url} failed: ${run.stderr}`);
  return loadResultSchema.parse(JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "{}"));
}

async function main(url: string, connections: number, seconds: number): Promise<void> {
  const times: number[] = [];
  const instance = autocannon({ url, connections, duration: seconds, warmup: { connections, duration: 2 } });
  instance.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  const result = await instance;
  const sorted = Float64Array.from(times).sort();
  const summary: HttpLoadResult = {
    requestsPerSecond: result.requests.average,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    failed: result.non2xx + result.errors,
  };
  console.log(JSON.stringify(summary));
}

if (process.argv[1] === runFile) {
  const [url, connections, seconds] = process.argv.slice(2);
  if (!url) throw new Error("usage: http-load.ts URL CONNECTIONS SECONDS");
  await main(url, Number(connections ?? 50), Number(seconds ?? 10));
}
