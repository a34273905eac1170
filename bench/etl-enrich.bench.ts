import { performance } from "node:perf_hooks";
import { classifyChannel, type ChannelInput } from "../etl/enrich/channel.ts";
import { describeDevice, parseDevice } from "../etl/enrich/device.ts";

// Time per call of the ETL's enrichment on a mix like a shop's traffic: 100,000 events whose
// user agents come from a few thousand distinct ones. Usage: npx tsx bench/etl-enrich.bench.ts [events] [distinct]
const events = Number(process.argv[2] ?? 100_000);
const distinct = Number(process.argv[3] ?? 3_000);

const templates = [
  (v: number) => `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36`,
  (v: number) => `Mozilla/5.0 (iPhone; CPU iPhone OS 17_${v % 10} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.${v % 10} Mobile/15E${v} Safari/604.1`,
  (v: number) => `Mozilla/5.0 (Linux; Android 14; SM-S9${v}B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Mobile Safari/537.36`,
  (v: number) => `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7; rv:${v}.0) Gecko/20100101 Firefox/${v}.0`,
  (v: number) => `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36 Edg/${v}.0.1.2`,
  (v: number) => `Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html) v${v}`,
];
const pool = Array.from({ length: distinct }, (_, i) => templates[i % templates.length]!(100 + Math.floor(i / templates.length)));
// Skewed like real traffic: a few user agents send most events.
const userAgents = Array.from({ length: events }, (_, i) => pool[Math.floor(distinct * ((i * 7919) % events / events) ** 3)]!);
const unique = Array.from({ length: events }, (_, i) => `${pool[i % distinct]} n${i}`);

const referrers = ["https://www.google.com/", "https://www.google.co.uk/search?q=", "https://m.facebook.com/story", "https://shop.example/products/", "https://blog.example/post-", null, "not a url"];
const inputs: ChannelInput[] = Array.from({ length: events }, (_, i) => {
  const referrer = referrers[i % referrers.length]!;
  return {
    referrer: referrer === null ? null : `${referrer}${i}`,
    landingUrl: `https://shop.example/products/p-${i % 500}`,
    campaign: i % 5 === 0 ? { source: "google", medium: "cpc" } : i % 11 === 0 ? { click_id_param: "fbclid", click_id: `x${i}` } : null,
  };
});

function time(label: string, calls: number, run: () => void): void {
  const start = performance.now();
  run();
  const ms = performance.now() - start;
  console.log(`${label}: ${ms.toFixed(0)} ms, ${((ms * 1000) / calls).toFixed(2)} µs a call`);
}

let sink = 0;
time(`parseDevice, no cache, ${events} events`, events, () => userAgents.forEach((ua) => (sink += parseDevice(ua).device_type.length)));
time(`describeDevice, cold cache, ${events} events (${distinct} distinct)`, events, () => userAgents.forEach((ua) => (sink += describeDevice(ua).device_type.length)));
time(`describeDevice, warm cache, ${events} events`, events, () => userAgents.forEach((ua) => (sink += describeDevice(ua).device_type.length)));
time(`describeDevice, ${events} all-distinct user agents`, events, () => unique.forEach((ua) => (sink += describeDevice(ua).device_type.length)));
time(`classifyChannel, ${events} events`, events, () => inputs.forEach((input) => (sink += classifyChannel(input).length)));
time(`classifyChannel, again`, events, () => inputs.forEach((input) => (sink += classifyChannel(input).length)));
if (sink === 0) console.log("(nothing measured)");
