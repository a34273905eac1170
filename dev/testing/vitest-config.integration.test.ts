import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// `npm test` must fail on an error no test handled, even when every test passed: that is how a
// leaked connection shows itself. Runs the project's own vitest config over a fixture.
describe("vitest configuration", () => {
  it("fails a run whose tests all pass but which leaves an unhandled error", () => {
    const run = spawnSync(
      "npx",
      ["vitest", "run", "--config", path.resolve("vitest.config.ts"), "--root", "dev/testing/fixtures/unhandled-error", "--project", "unit"],
      { encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" }, timeout: 60_000 },
    );
    const output = run.stdout + run.stderr;
    expect(output).toMatch(/1 passed/);
    expect(output).toMatch(/an error nobody handled/);
    expect(run.status).toBe(1);
  });
});
