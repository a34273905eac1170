import { Template } from "aws-cdk-lib/assertions";
// Aliased: SST's `use*` helpers are not React hooks (eslint's hooks rule would say otherwise).
import { App, getStack, use as stackExports } from "sst/constructs";
import type { FunctionalStack } from "sst/constructs/FunctionalStack.js";
import { initProject, useProject as currentProject } from "sst/project.js";
import config from "../../sst.config.ts";
import { Etl } from "../Etl.ts";
import { Ingest } from "../Ingest.ts";
import { RawLake } from "../RawLake.ts";
import { Web } from "../Web.ts";

export const STACK_NAMES = ["RawLake", "Ingest", "Etl", "Web"] as const;
export type StackName = (typeof STACK_NAMES)[number];

export interface Synthesized {
  app: App;
  templates: Record<StackName, Template>;
  /** What each stack function returned (what `use(...)` hands to later stacks). */
  exports: {
    RawLake: ReturnType<typeof RawLake>;
    Ingest: ReturnType<typeof Ingest>;
    Etl: ReturnType<typeof Etl>;
    Web: ReturnType<typeof Web>;
  };
}

/**
 * Synthesizes the app as `sst deploy` / `sst dev` do: the stacks registered in sst.config.ts,
 * then `app.finish()`, which bundles each function's handler with esbuild (so the handler files
 * must exist), copies its `copyFiles` into .sst/artifacts, and packages the site's OpenNext output
 * (deploy mode). `shopOrigins` is SHOP_ORIGINS during the synth (undefined: unset).
 */
export async function synthesize(mode: "deploy" | "dev", shopOrigins: string | undefined): Promise<Synthesized> {
  await initProject({ stage: "test" });
  const project = currentProject();
  const app = new App({
    mode,
    name: project.config.name,
    stage: project.config.stage,
    region: project.config.region,
    account: "123456789012",
  });

  const previous = process.env.SHOP_ORIGINS;
  setShopOrigins(shopOrigins);
  try {
    await config.stacks(app);
  } finally {
    setShopOrigins(previous);
  }
  await app.finish();

  // getStack and use read the most recent App: collect everything before another synth.
  const templateOf = (stack: FunctionalStack<unknown>) => Template.fromStack(getStack(stack));
  return {
    app,
    templates: {
      RawLake: templateOf(RawLake),
      Ingest: templateOf(Ingest),
      Etl: templateOf(Etl),
      Web: templateOf(Web),
    },
    exports: {
      RawLake: stackExports(RawLake),
      Ingest: stackExports(Ingest),
      Etl: stackExports(Etl),
      Web: stackExports(Web),
    },
  };
}

function setShopOrigins(value: string | undefined): void {
  if (value === undefined) delete process.env.SHOP_ORIGINS;
  else process.env.SHOP_ORIGINS = value;
}
