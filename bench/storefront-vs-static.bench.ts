import { startShopSystem } from "../dev/testing/shop-system.ts";
import { httpLoad, type HttpLoadResult } from "./support/http-load.ts";

// The shop's pages under load, each as a ratio to a static JS chunk served by the same
// production server in the same round: requests/s, p50 and p95 latency (every response timed,
// see support/http-load.ts). Targets take turns within a round, and the ratios printed are the
// median over the rounds, so a noisy second hits one round's numbers rather than one target's.
// The whole system runs on its own ports and a temp dir.
// Usage: npx tsx bench/storefront-vs-static.bench.ts [connections] [seconds] [rounds]
const connections = Number(process.argv[2] ?? 50);
const seconds = Number(process.argv[3] ?? 10);
const rounds = Number(process.argv[4] ?? 3);

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const running = await startShopSystem();
try {
  const { shop } = running;
  const home = await (await fetch(shop)).text();
  const chunk = /\/_next\/static\/[^"]+\.js/.exec(home)?.[0];
  const product = /href="(\/products\/[^"]+)"/.exec(home)?.[1];
  const category = /href="(\/c\/[^"?]+)"/.exec(home)?.[1];
  if (!chunk || !product || !category) throw new Error("the home page links no JS chunk, product or category");

  const targets: Record<string, string> = {
    "static chunk": chunk,
    "product page": product,
    "category page": category,
    "search (typo)": "/search?q=thinkpd",
    "home page": "/",
  };
  const results: Record<string, HttpLoadResult[]> = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const [name, url] of Object.entries(targets)) {
      const result = httpLoad(shop + url, connections, seconds);
      results[name]?.push(result);
      console.log(
        `round ${round} ${name.padEnd(14)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${result.p50.toFixed(1)} ms  p95 ${result.p95.toFixed(1)} ms  failed ${result.failed}`,
      );
    }
  }

  const base = results["static chunk"] ?? [];
  const ratio = (name: string, pick: (r: HttpLoadResult) => number) =>
    median((results[name] ?? []).map((r, i) => pick(r) / Math.max(pick(base[i] as HttpLoadResult), 0.001)));
  console.log(`\n${connections} connections, ${seconds} s per target, ${rounds} rounds, against ${shop}`);
  console.log("target          req/s   p50 ms   p95 ms  failed  | median ratio to static: req/s   p50   p95");
  for (const name of Object.keys(targets)) {
    const all = results[name] ?? [];
    console.log(
      `${name.padEnd(14)} ${median(all.map((r) => r.requestsPerSecond)).toFixed(0).padStart(6)} ${median(all.map((r) => r.p50)).toFixed(1).padStart(8)} ${median(all.map((r) => r.p95)).toFixed(1).padStart(8)} ${String(all.reduce((sum, r) => sum + r.failed, 0)).padStart(7)}  |` +
        `${ratio(name, (r) => r.requestsPerSecond).toFixed(3).padStart(30)} ${ratio(name, (r) => r.p50).toFixed(1).padStart(5)} ${ratio(name, (r) => r.p95).toFixed(1).padStart(5)}`,
    );
  }
} finally {
  await running.stop();
}
