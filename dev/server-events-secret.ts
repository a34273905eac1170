import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * The secret the local shop signs its server events with and the local ingest checks: made once
 * per data dir (readable by its owner only) and kept, so restarts keep trusting each other.
 */
export async function localServerEventsSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "server-events-secret");
  if (existsSync(file)) {
    const kept = (await readFile(file, "utf8")).trim();
    if (kept.length >= 32) return kept;
  }
  const secret = randomBytes(32).toString("hex");
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
