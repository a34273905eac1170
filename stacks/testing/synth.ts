import { Aspects } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks, type INagSuppressionIgnore } from "cdk-nag";
// Aliased: SST's `use*` helpers are not React hooks (eslint's hooks rule would say otherwise).
import { App, getStack, use as stackExports } from "sst/constructs";
import type { FunctionalStack } from "sst/constructs/FunctionalStack.js";
import { initProject, useProject as currentProject } from "sst/project.js";
import config from "../../sst.config.ts";
import { Auth } from "../Auth.ts";
import { Backups } from "../Backups.ts";
import { Etl } from "../Etl.ts";
import { Ingest } from "../Ingest.ts";
import { Monitoring } from "../Monitoring.ts";
import { Network } from "../Network.ts";
import { OutboxRelay } from "../OutboxRelay.ts";
import { RawLake } from "../RawLake.ts";
import { ShopDatabase } from "../ShopDatabase.ts";
import { Warehouse } from "../Warehouse.ts";
import { Web } from "../Web.ts";
import { NagCollector } from "./nag.ts";

export const STACK_NAMES = ["Network", "RawLake", "Auth", "ShopDatabase", "Warehouse", "Backups", "Ingest", "Etl", "Web", "OutboxRelay", "Monitoring"] as const;
export type StackName = (typeof STACK_NAMES)[number];

const STACKS = { Network, RawLake, Auth, ShopDatabase, Warehouse, Backups, Ingest, Etl, Web, OutboxRelay, Monitoring } as const;

export interface Synthesized {
  app: App;
  templates: Record<StackName, Template>;
  /** What each stack function returned (what `use(...)` hands to later stacks). */
  exports: { [K in StackName]: ReturnType<(typeof STACKS)[K]> };
  /** cdk-nag's AwsSolutions verdicts from this synthesis. */
  nag: NagCollector;
}

export interface SynthOptions {
  /** SHOP_ORIGINS during the synth (undefined: unset). */
  shopOrigins?: string;
  /** The rest of the synth-time configuration (ADMIN_CIDRS, SHINY_RUNTIME_BUNDLE, ...). */
  env?: Record<string, string | undefined>;
  /** Count findings as if no suppression existed (to measure what the suppressions cover). */
  ignoreSuppressions?: boolean;
}

const IGNORE_ALL: INagSuppressionIgnore = { createMessage: () => "suppressions ignored for counting" };

/**
 * Synthesizes the app as `sst deploy` / `sst dev` do: the stacks registered in sst.config.ts,
 * with cdk-nag's AwsSolutions pack as an aspect, then `app.finish()`, which bundles each
 * function's handler with esbuild (so the handler files must exist), copies its `copyFiles` into
 * .sst/artifacts, and packages the site's OpenNext output (deploy mode).
 */
export async function synthesize(mode: "deploy" | "dev", options: SynthOptions = {}): Promise<Synthesized> {
  await initProject({ stage: "test" });
  const project = currentProject();
  const app = new App({
    mode,
    name: project.config.name,
    stage: project.config.stage,
    region: project.config.region,
    account: "123456789012",
  });
  const nag = new NagCollector();
  Aspects.of(app).add(
    new AwsSolutionsChecks({
      reports: false,
      additionalLoggers: [nag],
      ...(options.ignoreSuppressions ? { suppressionIgnoreCondition: IGNORE_ALL } : {}),
    }),
  );

  const vars = { SHOP_ORIGINS: options.shopOrigins, ...options.env };
  const previous = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  setEnv(vars);
  try {
    await config.stacks(app);
    await app.finish();
  } finally {
    setEnv(previous);
  }

  // getStack and use read the most recent App: collect everything before another synth.
  const templateOf = (stack: FunctionalStack<unknown>) => Template.fromStack(getStack(stack));
  const templates = Object.fromEntries(STACK_NAMES.map((name) => [name, templateOf(STACKS[name])])) as Record<StackName, Template>;
  const exportsOf = (stack: FunctionalStack<unknown>): unknown => stackExports(stack);
  const exports = Object.fromEntries(STACK_NAMES.map((name) => [name, exportsOf(STACKS[name])])) as unknown as Synthesized["exports"];
  return { app, templates, exports, nag };
}

function setEnv(vars: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}
