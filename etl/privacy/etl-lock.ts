import type pg from "pg";
import { ETL_LOCK_KEY } from "../warehouse-queries.ts";

/** Nothing was changed: the ETL held its lock for longer than the erasure or retention would wait. */
export class EtlBusyError extends Error {
  constructor(waitMs: number) {
    super(`the ETL held its lock for over ${Math.round(waitMs / 1000)} s (a run in progress); nothing was changed, run this again later`);
    this.name = "EtlBusyError";
  }
}

const LOCK_NOT_AVAILABLE = "55P03";

/*
 * Like the ETL's session (warehouse-queries.ts SESSION_TIMEOUTS), a dead client's backend ends,
 * and its lock with it; the idle limit is longer because the session waits while the lake is
 * listed and rewritten.
 */
const SESSION_TIMEOUTS = `
SET statement_timeout = '10min';
SET idle_in_transaction_session_timeout = '2min';
SET idle_session_timeout = '30min'`;

/** Once the lock is held: DDL (dropping a partition) waits this long for the dashboards' reads. */
const WORK_LOCK_TIMEOUT = "2min";

/**
 * Runs `work` on one session holding the ETL's advisory lock, so it never interleaves with an
 * ETL pass (nor with another erasure or retention run). Waits up to `waitMs` for a running ETL
 * to finish (the server's lock_timeout bounds the wait), then fails with EtlBusyError.
 */
export async function withEtlLock<T>(warehouse: pg.Pool, waitMs: number, work: (session: pg.PoolClient) => Promise<T>): Promise<T> {
  const session = await warehouse.connect();
  const connectionLost = () => {};
  // A connection that dies mid-way must fail through its query, not crash the process.
  session.on("error", connectionLost);
  try {
    // Only lock_timeout bounds the wait: a statement_timeout would end it with another error.
    await session.query("SET statement_timeout = 0");
    await session.query("SELECT set_config('lock_timeout', $1, false)", [`${Math.max(1, Math.round(waitMs))}ms`]);
    try {
      await session.query("SELECT pg_advisory_lock($1)", [ETL_LOCK_KEY]);
    } catch (error) {
      if (error instanceof Error && "code" in error && error.code === LOCK_NOT_AVAILABLE) throw new EtlBusyError(waitMs);
      throw error;
    }
    try {
      await session.query(SESSION_TIMEOUTS);
      await session.query("SELECT set_config('lock_timeout', $1, false)", [WORK_LOCK_TIMEOUT]);
      return await work(session);
    } finally {
      // Work that failed inside its transaction leaves it aborted: the unlock needs it closed.
      await session.query("ROLLBACK").catch(() => {});
      await session.query("SELECT pg_advisory_unlock($1)", [ETL_LOCK_KEY]).catch(() => {});
    }
  } finally {
    session.off("error", connectionLost);
    // Closed rather than pooled: its timeouts are this work's, and a failed unlock ends with it.
    session.release(true);
  }
}
