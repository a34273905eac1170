import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { startChild } from "./child.ts";
import { waitForHttp } from "./http-wait.ts";

const require = createRequire(import.meta.url);

export interface ShopPart {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Runs the Next.js shop: `next start` over the production build (built first when a source
 * changed since the last one), or `next dev` with hot reload.
 */
export async function startShop(options: {
  port: number;
  mode: "dev" | "production";
  env: Record<string, string>;
  quiet?: boolean;
}): Promise<ShopPart> {
  const next = require.resolve("next/dist/bin/next");
  const env = { ...process.env, ...options.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (options.mode === "production") {
    // Builds only when a source of the site is newer than the last build (dev/build-site.ts).
    const build = startChild("shop:build", process.execPath, ["--import", "tsx", fileURLToPath(new URL("../build-site.ts", import.meta.url))], { env });
    if ((await build.exited) !== 0) throw new Error("the production build of the shop failed");
  }
  const command = options.mode === "dev" ? "dev" : "start";
  const child = startChild("shop", process.execPath, [next, command, "--port", String(options.port), "--hostname", "127.0.0.1"], {
    env,
    quiet: options.quiet ?? false,
  });
  const url = `http://127.0.0.1:${options.port}`;
  await Promise.race([
    waitForHttp(`${url}/`, 180_000),
    child.exited.then((code) => {
      throw new Error(`the shop exited with code ${code} before it answered`);
    }),
  ]);
  return { url, stop: () => child.stop() };
}
