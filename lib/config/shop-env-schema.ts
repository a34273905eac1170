import { z } from "zod";

export const DEFAULT_INGEST_URL = "http://127.0.0.1:4000/v1/events";

/** An unset variable and an empty one (`INGEST_URL=`) both mean "use the default". */
const unsetIfEmpty = (value: unknown): unknown => (typeof value === "string" && value.trim() === "" ? undefined : value);

const shopEnvSchema = z.object({
  INGEST_URL: z.preprocess(
    unsetIfEmpty,
    z
      .url({ protocol: /^https?$/, error: "must be an absolute http:// or https:// URL, e.g. " + DEFAULT_INGEST_URL })
      .default(DEFAULT_INGEST_URL),
  ),
  /** Shared with the ingest: signs the shop's server events (purchases). Unset: the outbox waits. */
  SERVER_EVENTS_SECRET: z.preprocess(unsetIfEmpty, z.string().min(32, { error: "must be at least 32 characters" }).optional()),
  /** Where the shop's server posts its events; the browser's INGEST_URL when unset. */
  SERVER_INGEST_URL: z.preprocess(unsetIfEmpty, z.url({ protocol: /^https?$/ }).optional()),
});

export type ShopEnv = z.infer<typeof shopEnvSchema>;

export class ShopConfigError extends Error {
  override name = "ShopConfigError";
}

/** Parses the shop's variables out of an environment; pure, so it can be tested. */
export function parseShopEnv(env: Readonly<Record<string, string | undefined>>): ShopEnv {
  const result = shopEnvSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    const raw = typeof issue.path[0] === "string" ? env[issue.path[0]] : undefined;
    return `${name} ${issue.message}${raw !== undefined ? ` (got ${JSON.stringify(raw)})` : ""}`;
  });
  throw new ShopConfigError(`Invalid shop configuration: ${problems.join("; ")}`);
}
