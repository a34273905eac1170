import path from "node:path";
// Aliased: SST's `use*` helpers are not React hooks.
import { useProject as currentProject } from "sst/project.js";

/**
 * A path in the repository. Not relative to this module: `sst deploy` runs the stacks bundled
 * into .sst/, where `import.meta.url` points elsewhere.
 */
export function projectPath(...parts: string[]): string {
  return path.join(currentProject().paths.root, ...parts);
}
