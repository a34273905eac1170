import "server-only";
import pg from "pg";
import { shopEnv } from "@/lib/config/shop-env.ts";
import { lambdaSender } from "./ingest-sender.ts";
import { drainOutbox } from "./relay.ts";

const globalForRelay = globalThis as unknown as { outboxPool?: pg.Pool };

/**
 * Sends the outbox's due events now, from the shop's server process: called through `after()`
 * once an order is placed, so the purchase usually reaches the ingest within a second without
 * slowing the response. The relay worker (the runner's timer; a scheduled function in AWS) is
 * what guarantees delivery; this only makes it prompt. Never throws. In AWS the server runs in a
 * VPC without NAT: with INGEST_FUNCTION_NAME set it invokes the ingest function instead of POSTing.
 */
export async function nudgeOutbox(): Promise<void> {
  const env = shopEnv();
  const databaseUrl = process.env.DATABASE_URL;
  if (!env.SERVER_EVENTS_SECRET || !databaseUrl) return;
  globalForRelay.outboxPool ??= new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const functionName = process.env.INGEST_FUNCTION_NAME?.trim();
    // The Lambda SDK loads only where it is used (in AWS).
    const route = functionName
      ? { sender: lambdaSender(functionName, (await import("./lambda-invoke.ts")).sdkInvoke()) }
      : { ingestUrl: env.SERVER_INGEST_URL ?? env.INGEST_URL };
    await drainOutbox({ pool: globalForRelay.outboxPool, ...route, secret: env.SERVER_EVENTS_SECRET }, 2);
  } catch (error) {
    console.error(JSON.stringify({ level: "warn", message: "outbox nudge failed; the relay will retry", error: String(error) }));
  }
}
