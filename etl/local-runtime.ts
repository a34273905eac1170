import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

/**
 * The local runner (`npm start`) records where its parts listen in <DATA_DIR>/runtime.json, so
 * `npm run etl` finds them without any environment. Values are plain env-style strings.
 */
export function localRuntimeFile(dataDir = process.env.DATA_DIR ?? ".data"): string {
  return path.resolve(dataDir, "runtime.json");
}

const runtimeSchema = z.record(z.string(), z.string());

export async function readLocalRuntime(file = localRuntimeFile()): Promise<Record<string, string>> {
  try {
    return runtimeSchema.parse(JSON.parse(await readFile(file, "utf8")));
  } catch {
    return {};
  }
}

export async function writeLocalRuntime(values: Record<string, string>, file: string): Promise<void> {
  await writeFile(file, JSON.stringify(values, null, 2) + "\n");
}
