import pg from "pg";
import { loadBoundSecrets } from "../secrets/bound-secrets.ts";
import { lambdaSender } from "./ingest-sender.ts";
import { sdkInvoke } from "./lambda-invoke.ts";
import { drainOutbox, outboxBacklog, type RelayResult } from "./relay.ts";

/*
 * The outbox relay as a scheduled Lambda (stacks/OutboxRelay.ts), in the VPC to reach the shop
 * database's PgBouncer. With no NAT it cannot POST to the public ingest URL: it invokes the
 * ingest function through the VPC's Lambda endpoint instead (lambdaSender).
 *   DATABASE_URL           bound SST secret (the shop's user, through PgBouncer)
 *   SERVER_EVENTS_SECRET   bound SST secret, shared with the ingest
 *   INGEST_FUNCTION_NAME   the ingest function to invoke
 */

let pool: pg.Pool | undefined;

export async function handler(): Promise<RelayResult & { waiting: number; oldestSeconds: number }> {
  const missing = await loadBoundSecrets(["DATABASE_URL", "SERVER_EVENTS_SECRET"]);
  const functionName = process.env.INGEST_FUNCTION_NAME;
  if (missing.length > 0 || !functionName) {
    throw new Error(`outbox relay not configured: ${[...missing, ...(functionName ? [] : ["INGEST_FUNCTION_NAME"])].join(", ")}`);
  }
  // One connection per warm container: PgBouncer pools them into the database's.
  pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1, application_name: "outbox-relay" });
  const log = (message: string, fields: Record<string, unknown>) => console.error(JSON.stringify({ level: "warn", message, ...fields }));
  const result = await drainOutbox({
    pool,
    secret: process.env.SERVER_EVENTS_SECRET ?? "",
    sender: lambdaSender(functionName, sdkInvoke()),
    log,
  });
  const backlog = await outboxBacklog(pool);
  console.log(JSON.stringify({ level: "info", message: "outbox relayed", ...result, ...backlog }));
  return { ...result, ...backlog };
}
