import { startChild } from "./child.ts";
import { waitForHttp } from "./http-wait.ts";

export interface ShinyPart {
  readonly url: string;
  stop(): Promise<void>;
}

/** Runs the R Shiny dashboard (shiny/run.R) against the warehouse. */
export async function startShiny(options: { port: number; warehouseUrl: string; quiet?: boolean }): Promise<ShinyPart> {
  const child = startChild("shiny", "Rscript", ["shiny/run.R"], {
    env: { ...process.env, SHINY_PORT: String(options.port), SHINY_HOST: "127.0.0.1", WAREHOUSE_URL: options.warehouseUrl },
    quiet: options.quiet ?? false,
  });
  const url = `http://127.0.0.1:${options.port}`;
  await Promise.race([
    waitForHttp(`${url}/`, 90_000),
    child.exited.then((code) => {
      throw new Error(`the Shiny app exited with code ${code} before it answered`);
    }),
  ]);
  return { url, stop: () => child.stop() };
}
