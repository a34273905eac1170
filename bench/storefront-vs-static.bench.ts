import { spawnSync } from "node:child_process";
import path from "node:path";
import { z } from "zod";
import { startShopSystem } from "../dev/testing/shop-system.ts";

// The shop's pages under load, each as a ratio to a static JS chunk served by the same
// production server in the same run: requests/s, p50 and p97.5 latency (autocannon reports no
// p95; p97.5 is the stricter neighbour). The whole system runs on its own ports and a temp dir.
// Usage: npx tsx bench/storefront-vs-static.bench.ts [connections] [seconds]
const connections = Number(process.argv[2] ?? 50);
const seconds = Number(process.argv[3] ?? 10);

const resultSchema = z.object({
  requests: z.object({ average: z.number() }),
  latency: z.object({ p50: z.number(), p97_5: z.number() }),
  non2xx: z.number(),
  errors: z.number(),
});
type Result = z.infer<typeof resultSchema>;

/** autocannon in its own process, so the load generator is not this process's event loop. */
function load(url: string): Result {
  const run = spawnSync(
    path.resolve("node_modules/.bin/autocannon"),
    ["--json", "-c", String(connections), "-d", String(seconds), "--warmup", "[", "-c", String(connections), "-d", "2", "]", url],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`autocannon failed for ${url}: ${run.stderr}`);
  const lines = run.stdout.trim().split("\n");
  return resultSchema.parse(JSON.parse(lines.at(-1) ?? "{}"));
}

const running = await startShopSystem();
try {
  const { shop } = running;
  const home = await (await fetch(shop)).text();
  const chunk = /\/_next\/static\/[^"]+\.js/.exec(home)?.[0];
  const product = /href="(\/products\/[^"]+)"/.exec(home)?.[1];
  const category = /href="(\/c\/[^"?]+)"/.exec(home)?.[1];
  if (!chunk || !product || !category) throw new Error("the home page links no JS chunk, product or category");

  const targets = { "static chunk": chunk, "product page": product, "category page": category, "home page": "/" };
  const results = Object.fromEntries(Object.entries(targets).map(([name, url]) => [name, load(shop + url)]));
  const base = results["static chunk"] as Result;
  console.log(`${connections} connections, ${seconds} s each, against ${shop}`);
  console.log("target          req/s   p50 ms  p97.5 ms  non-2xx  | ratio to static: req/s  p50  p97.5");
  for (const [name, r] of Object.entries(results)) {
    console.log(
      `${name.padEnd(14)} ${r.requests.average.toFixed(0).padStart(6)} ${r.latency.p50.toFixed(0).padStart(8)} ${r.latency.p97_5.toFixed(0).padStart(9)} ${String(r.non2xx + r.errors).padStart(8)}  |` +
        `${(r.requests.average / base.requests.average).toFixed(3).padStart(23)} ${(r.latency.p50 / Math.max(base.latency.p50, 1)).toFixed(1).padStart(5)} ${(r.latency.p97_5 / Math.max(base.latency.p97_5, 1)).toFixed(1).padStart(6)}`,
    );
  }
} finally {
  await running.stop();
}
