import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { startChild } from "./child.ts";
import { waitForHttp } from "./http-wait.ts";

const require = createRequire(import.meta.url);

export interface ShopPart {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Runs the Next.js shop: `next dev` for development, or `next start` over an existing production
 * build (`next build` first when there is none).
 */
export async function startShop(options: {
  port: number;
  mode: "dev" | "production";
  env: Record<string, string>;
  quiet?: boolean;
}): Promise<ShopPart> {
  const next = require.resolve("next/dist/bin/next");
  const env = { ...process.env, ...options.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (options.mode === "production" && !existsSync(".next/BUILD_ID")) {
    const build = startChild("shop:build", process.execPath, [next, "build"], { env });
    if ((await build.exited) !== 0) throw new Error("next build failed");
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
