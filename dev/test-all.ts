import { spawn } from "node:child_process";

// `npm test`: every check, in order from fastest to slowest. All steps run even when one fails,
// so one run shows everything that is wrong; the exit code is non-zero if any step failed.
const steps: Array<{ name: string; command: string; args: string[] }> = [
  { name: "lint", command: "npx", args: ["eslint", "."] },
  { name: "typecheck", command: "npx", args: ["tsc", "--noEmit"] },
  { name: "unit + integration", command: "npx", args: ["vitest", "run", "--project", "unit", "--project", "integration"] },
  { name: "infra (site build + synth)", command: "npm", args: ["run", "test:infra"] },
  { name: "R (Shiny queries)", command: "npm", args: ["run", "test:r"] },
  { name: "end-to-end (Chromium)", command: "npm", args: ["run", "test:e2e"] },
];

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, FORCE_COLOR: "0" } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(1));
  });
}

const results: Array<{ name: string; ok: boolean; seconds: number }> = [];
for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.command} ${step.args.join(" ")}`);
  const startedAt = Date.now();
  const code = await run(step.command, step.args);
  results.push({ name: step.name, ok: code === 0, seconds: (Date.now() - startedAt) / 1000 });
}

console.log("\n=== summary");
for (const { name, ok, seconds } of results) console.log(`${ok ? "PASS" : "FAIL"}  ${name.padEnd(28)} ${seconds.toFixed(1)} s`);
process.exit(results.every((result) => result.ok) ? 0 : 1);
