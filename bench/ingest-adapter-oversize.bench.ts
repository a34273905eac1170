import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import { MAX_BATCH_BYTES } from "../lib/tracking/schema.ts";

// Memory of the local ingest adapter while clients send bodies far over its limit: its peak
// resident growth as a ratio to the bytes those clients sent (1.0 or more means it buffers
// them), beside its growth while as many clients send bodies at the limit, in the same run.
// The adapter runs in its own process (with a handler that answers at once); its resident set
// is sampled from /proc. Usage: npx tsx bench/ingest-adapter-oversize.bench.ts [clients] [MB]
const clients = Number(process.argv[2] ?? 4);
const oversizeBytes = Number(process.argv[3] ?? 10) * 1024 * 1024;

const entry = `
  import { startIngestAdapter } from "./dev/parts/ingest-adapter.ts";
  const adapter = await startIngestAdapter({ port: 0, allowedOrigins: [], handler: async () => ({ statusCode: 200, body: "{}" }) });
  console.log(adapter.url);
`;
const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", entry], { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise<string>((resolve) => child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().trim())));
const rssBytes = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? 0) * 1024;

function post(bytes: number): Promise<number> {
  return new Promise((resolve) => {
    const request = http.request(url, { method: "POST", headers: { "content-length": String(bytes) } }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    // A client that ignores an early answer and sends everything, 64 KiB at a time.
    request.on("error", () => resolve(-1));
    const piece = Buffer.alloc(64 * 1024, "x");
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        sent += piece.length;
        if (!request.write(sent > bytes ? piece.subarray(0, piece.length - (sent - bytes)) : piece)) return void request.once("drain", pump);
      }
      request.end();
    };
    pump();
  });
}

async function peakGrowth(bytes: number): Promise<{ growth: number; statuses: number[] }> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  const base = rssBytes();
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, rssBytes())), 5);
  const statuses = await Promise.all(Array.from({ length: clients }, () => post(bytes)));
  clearInterval(sampler);
  return { growth: Math.max(peak - base, 1), statuses };
}

try {
  const atLimit = await peakGrowth(MAX_BATCH_BYTES);
  const oversize = await peakGrowth(oversizeBytes);
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  console.log(`${clients} clients at the limit (${MAX_BATCH_BYTES} B): statuses ${atLimit.statuses.join(",")}, peak RSS growth ${mb(atLimit.growth)} MB`);
  console.log(`${clients} clients at ${mb(oversizeBytes)} MB: statuses ${oversize.statuses.join(",")}, peak RSS growth ${mb(oversize.growth)} MB`);
  console.log(`peak RSS growth / bytes sent: ${(oversize.growth / (clients * oversizeBytes)).toFixed(3)} oversize, ${(atLimit.growth / (clients * MAX_BATCH_BYTES)).toFixed(3)} at the limit`);
} finally {
  child.kill();
}
