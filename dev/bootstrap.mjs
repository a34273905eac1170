#!/usr/bin/env node
// Installs what `npm start` and `npm test` need on a fresh Debian machine, and nothing when it
// is already there: npm packages (npm ci when package-lock.json changed), the Debian packages
// for R/Shiny and Chromium, and the generated Prisma client. Plain Node: it runs before
// node_modules exists.
//
//   node dev/bootstrap.mjs          everything (npm start, npm test)
//   node dev/bootstrap.mjs prisma   the Prisma client only (npm's postinstall, so a plain
//                                   `npm ci` leaves every command working)
//   node dev/bootstrap.mjs debian   the Debian packages only (test:r, test:e2e)
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";

const DEBIAN_PACKAGES = [
  "r-base-core",
  "r-cran-shiny",
  "r-cran-dbi",
  "r-cran-rpostgresql",
  "r-cran-ggplot2",
  "r-cran-dt",
  "r-cran-plotly",
  "r-cran-maps",
  "r-cran-jsonlite",
  "r-cran-testthat",
  "chromium",
];

function run(command, args, options = {}) {
  console.log(`[bootstrap] ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.status !== 0) {
    console.error(`[bootstrap] ${command} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

function checkNode() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`[bootstrap] Node ${process.versions.node} is too old: Node 20.19 or newer is needed.`);
    process.exit(1);
  }
}

function ensureNpmPackages() {
  const lockHash = createHash("sha256").update(readFileSync("package-lock.json")).digest("hex");
  const marker = "node_modules/.bootstrap-lock-hash";
  if (existsSync(marker) && readFileSync(marker, "utf8") === lockHash) return;
  run("npm", ["ci", "--no-audit", "--no-fund"]);
  writeFileSync(marker, lockHash);
}

function installedDebianPackage(name) {
  try {
    return execFileSync("dpkg-query", ["-W", "-f=${Status}", name], { stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .includes("install ok installed");
  } catch {
    return false;
  }
}

function ensureDebianPackages() {
  const missing = DEBIAN_PACKAGES.filter((name) => !installedDebianPackage(name));
  if (missing.length === 0) return;
  const asRoot = process.getuid?.() === 0;
  const sudo = asRoot ? [] : ["sudo"];
  if (!asRoot && spawnSync("sudo", ["-n", "true"]).status !== 0) {
    console.error(`[bootstrap] missing Debian packages: ${missing.join(" ")}. Install them as root:\n  apt-get install -y ${missing.join(" ")}`);
    process.exit(1);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  run(sudo[0] ?? "apt-get", [...sudo.slice(1), ...(asRoot ? [] : ["apt-get"]), "update"], { env });
  run(sudo[0] ?? "apt-get", [...sudo.slice(1), ...(asRoot ? [] : ["apt-get"]), "install", "-y", "--no-install-recommends", ...missing], { env });
}

function ensurePrismaClient() {
  const generated = "lib/db/generated/client.ts";
  if (existsSync(generated) && statSync(generated).mtimeMs >= statSync("prisma/schema.prisma").mtimeMs) return;
  // The Prisma CLI downloads a schema engine it never runs for `generate`; any existing file will do.
  run("npx", ["prisma", "generate"], { env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath } });
}

const only = process.argv[2];
if (only !== undefined && only !== "prisma" && only !== "debian") {
  console.error(`[bootstrap] unknown part "${only}": give prisma, debian, or nothing for everything`);
  process.exit(2);
}
checkNode();
if (only === undefined) ensureNpmPackages();
if (only === undefined || only === "debian") ensureDebianPackages();
if (only === undefined || only === "prisma") ensurePrismaClient();
