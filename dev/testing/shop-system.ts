import { startTestSystem, type TestSystem } from "./test-system.ts";

export const SIGN_UP_CODE = "246810";

export interface ShopSystem extends TestSystem {
  readonly shop: string;
}

/**
 * The shop with what it needs (both databases, the lake, the ingest) and cognito-local (every
 * confirmation code is SIGN_UP_CODE); Shiny and the ETL timer stay off.
 */
export async function startShopSystem(): Promise<ShopSystem> {
  const running = await startTestSystem({ name: "shop", skip: ["shiny", "etl-timer"], settings: { COGNITO_CODE: SIGN_UP_CODE } });
  return { ...running, shop: running.system.urls.shop ?? "" };
}
