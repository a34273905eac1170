import "server-only";
import { parseShopEnv } from "./shop-env-schema.ts";
import type { ShopEnv } from "./shop-env-schema.ts";

export type { ShopEnv } from "./shop-env-schema.ts";

/**
 * The shop's runtime configuration, read from the server's environment when called. Call it
 * while rendering a request (after `connection()` or another request-time API), never at module
 * scope, so one build runs against any environment. Throws a readable error on invalid values.
 */
export function shopEnv(env: NodeJS.ProcessEnv = process.env): ShopEnv {
  return parseShopEnv(env);
}
