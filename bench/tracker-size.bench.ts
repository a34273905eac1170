import { gzipSync } from "node:zlib";
import { build } from "esbuild";

// Size of the browser tracker as shoppers download it: everything in lib/tracking/browser/
// the shop loads (its entry, index.ts), bundled alone with esbuild for the browser, minified,
// then gzip -9; against the 2,048-byte budget and the 2,416 bytes of the first tracker.
// Usage: npx tsx bench/tracker-size.bench.ts
const BUDGET = 2_048;
const FIRST_TRACKER = 2_416;
const entry = new URL("../lib/tracking/browser/index.ts", import.meta.url).pathname;

async function bundle(minify: boolean) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "browser",
    // What the shop's browserslist (Next.js defaults) runs natively.
    target: "es2022",
    minify,
    write: false,
    logLevel: "silent",
    metafile: true,
  });
  const inputs = Object.keys(result.metafile.inputs);
  const foreign = inputs.filter((input) => !input.startsWith("lib/tracking/"));
  if (foreign.length > 0 || inputs.some((input) => input.includes("zod"))) throw new Error(`the tracker bundle pulls in ${foreign.join(", ")}`);
  const [output] = Object.values(result.metafile.outputs);
  return { code: Buffer.from(result.outputFiles[0]!.contents), files: Object.entries(output!.inputs).map(([file, { bytesInOutput }]) => [file, bytesInOutput] as const) };
}

const raw = await bundle(false);
const minified = await bundle(true);
const gzip = gzipSync(minified.code, { level: 9 }).length;
const pct = (n: number, of: number) => `${((n / of) * 100).toFixed(1)}%`;

console.log("minified bytes by file:");
for (const [file, bytes] of [...minified.files].sort((a, b) => b[1] - a[1])) console.log(`  ${String(bytes).padStart(6)}  ${file}`);
console.log(`raw bundle:      ${raw.code.length} B`);
console.log(`minified:        ${minified.code.length} B`);
console.log(`minified+gzip-9: ${gzip} B`);
console.log(`budget:          ${gzip} / ${BUDGET} B = ${pct(gzip, BUDGET)} (${gzip <= BUDGET ? `${BUDGET - gzip} B to spare` : `${gzip - BUDGET} B over`})`);
console.log(`first tracker:   ${gzip} / ${FIRST_TRACKER} B = ${pct(gzip, FIRST_TRACKER)}`);
if (gzip > BUDGET) process.exitCode = 1;
