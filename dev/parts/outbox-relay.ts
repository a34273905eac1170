import pg from "pg";
import { drainOutbox } from "../../lib/outbox/relay.ts";

export interface OutboxRelayPart {
  /** Relays what is due now (tests call it instead of waiting for the timer). */
  drain(): ReturnType<typeof drainOutbox>;
  stop(): Promise<void>;
}

/**
 * The outbox relay worker as the local runner runs it: every `intervalMs`, send the shop's due
 * server events to the ingest (in AWS, a scheduled function does the same).
 */
export function startOutboxRelay(options: {
  databaseUrl: string;
  ingestUrl: string;
  secret: string;
  intervalMs: number;
  log: (line: string) => void;
}): OutboxRelayPart {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2, application_name: "outbox-relay" });
  pool.on("error", (error) => options.log(`[outbox] idle connection failed: ${error.message}`));
  const deps = {
    pool,
    ingestUrl: options.ingestUrl,
    secret: options.secret,
    log: (message: string, fields: Record<string, unknown>) => options.log(`[outbox] ${message} ${JSON.stringify(fields)}`),
  };
  let running: Promise<unknown> = Promise.resolve();
  const drain = () => {
    const next = running.then(() => drainOutbox(deps));
    running = next.catch(() => {});
    return next;
  };
  const timer = setInterval(() => {
    drain().catch((error: unknown) => options.log(`[outbox] relay failed: ${String(error)}`));
  }, options.intervalMs);
  return {
    drain,
    stop: async () => {
      clearInterval(timer);
      await running;
      await pool.end();
    },
  };
}
