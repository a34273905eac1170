/**
 * `npm run test:infra` and `npm run test:e2e` run this first. SST's NextjsSite skips its own
 * build under tests but reads OpenNext's output (.open-next/open-next.output.json,
 * .next/BUILD_ID, .next/routes-manifest.json), and the end-to-end test serves .next with
 * `next start`. Builds the site with OpenNext (which runs `next build`) only when the output is
 * missing or older than a source of the site, so CI builds it once.
 *
 *   tsx dev/build-site.ts           build when needed
 *   tsx dev/build-site.ts --force   always build
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Everything `next build` reads that can change between commits. */
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.mjs",
  "instrumentation.ts",
  "tsconfig.json",
  "package-lock.json",
  "open-next.config.ts",
];

/** What NextjsSite reads at synth time; all must exist for a build to count. */
const OUTPUTS = [".open-next/open-next.output.json", ".next/BUILD_ID", ".next/routes-manifest.json"];
const STAMP = OUTPUTS[0] as string;

interface Newest {
  file: string;
  mtimeMs: number;
}

/** The most recently modified file or directory (a directory's time changes when entries come or go). */
function newestUnder(relative: string): Newest | undefined {
  const full = path.join(root, relative);
  if (!existsSync(full)) return undefined;
  const stat = statSync(full);
  let newest: Newest = { file: relative, mtimeMs: stat.mtimeMs };
  if (stat.isDirectory()) {
    for (const entry of readdirSync(full)) {
      const candidate = newestUnder(path.join(relative, entry));
      if (candidate && candidate.mtimeMs > newest.mtimeMs) newest = candidate;
    }
  }
  return newest;
}

function reasonToBuild(): string | undefined {
  if (process.argv.includes("--force")) return "--force given";
  const missing = OUTPUTS.filter((file) => !existsSync(path.join(root, file)));
  if (missing.length > 0) return `no previous build (missing ${missing.join(", ")})`;
  const builtAt = statSync(path.join(root, STAMP)).mtimeMs;
  let newest: Newest | undefined;
  for (const source of SOURCES) {
    const candidate = newestUnder(source);
    if (candidate && (!newest || candidate.mtimeMs > newest.mtimeMs)) newest = candidate;
  }
  if (newest && newest.mtimeMs > builtAt) return `${newest.file} changed since the last build`;
  return undefined;
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

const reason = reasonToBuild();
if (!reason) {
  console.log(`[build-site] skipped: ${STAMP} is newer than every file in ${SOURCES.join(", ")}`);
  process.exit(0);
}

console.log(`[build-site] building the site with OpenNext: ${reason}`);
const startedAt = new Date();
const clock = performance.now();
const bin = path.join(root, "node_modules", ".bin", "open-next");
const result = spawnSync(bin, ["build"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
if (result.error) {
  console.error(`[build-site] could not run ${bin}: ${result.error.message}`);
  process.exit(1);
}
if (result.status !== 0) {
  console.error(`[build-site] open-next build failed (exit ${result.status ?? result.signal}) after ${seconds(clock)}`);
  process.exit(result.status ?? 1);
}
const unproduced = OUTPUTS.filter((file) => !existsSync(path.join(root, file)));
if (unproduced.length > 0) {
  console.error(`[build-site] open-next build succeeded but did not produce ${unproduced.join(", ")}`);
  process.exit(1);
}
// Date the output by when the build started, so a source edited during the build is newer
// than the output and the next run builds again.
utimesSync(path.join(root, STAMP), startedAt, startedAt);
console.log(`[build-site] built in ${seconds(clock)}`);
