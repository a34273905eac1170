import { existsSync } from "node:fs";
import type { App } from "sst/constructs";

/**
 * The Shiny host's R + Shiny Server bundle (stacks/shiny-runtime/build-bundle.sh), from
 * SHINY_RUNTIME_BUNDLE at synth time. Unset: the warehouse host gets PostgreSQL only (and
 * `sst deploy` says so). Set to a missing file: an error rather than a host without dashboards.
 */
export function shinyRuntimeBundle(mode: App["mode"], raw: string | undefined = process.env.SHINY_RUNTIME_BUNDLE): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  if (mode !== "remove" && !existsSync(value)) {
    throw new Error(`SHINY_RUNTIME_BUNDLE: ${value} does not exist; build it with stacks/shiny-runtime/build-bundle.sh`);
  }
  return value;
}
