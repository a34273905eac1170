import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// A plain `npm ci` must leave every README command working, so what they need that is not an npm
// package (the generated Prisma client) is made by npm's postinstall. This plays a fresh clone
// after `npm ci`: the project's files, its installed packages, and no generated client.
let clone: string;

beforeAll(async () => {
  clone = await mkdtemp(path.join(os.tmpdir(), "compushop-clone-"));
  for (const file of ["package.json", "prisma.config.ts", "prisma/schema.prisma", "dev/bootstrap.mjs"]) {
    await mkdir(path.dirname(path.join(clone, file)), { recursive: true });
    await cp(file, path.join(clone, file));
  }
  await symlink(path.resolve("node_modules"), path.join(clone, "node_modules"));
});
afterAll(async () => {
  if (clone) await rm(clone, { recursive: true, force: true });
});

describe("npm's postinstall", () => {
  it("generates the Prisma client a fresh clone lacks", () => {
    const generated = path.join(clone, "lib/db/generated/client.ts");
    expect(existsSync(generated)).toBe(false);
    const run = spawnSync("npm", ["run", "postinstall"], { cwd: clone, encoding: "utf8", timeout: 120_000 });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(existsSync(generated)).toBe(true);
  });
});
