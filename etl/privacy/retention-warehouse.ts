import type pg from "pg";
import * as q from "./privacy-queries.ts";
import type { Counts } from "./privacy-queries.ts";

/**
 * Deletes a fact table's rows of days before the cutoff (event_date): whole partitions dropped
 * where the table is partitioned by range of event_date and a partition lies entirely before
 * the cutoff, the rest (a partition straddling the cutoff, a default partition, or the whole
 * table when it is not partitioned) by DELETE. Inside the caller's transaction.
 */
export async function dropEventsBefore(
  client: pg.ClientBase,
  cutoff: string,
  table = "fact_event",
): Promise<{ eventsDeleted: number; partitionsDropped: number }> {
  let eventsDeleted = 0;
  let partitionsDropped = 0;
  const partitions = await client.query<{ partition: string; entirely_before: boolean }>(q.PARTITIONS, [table, cutoff]);
  for (const { partition } of partitions.rows.filter((row) => row.entirely_before)) {
    // A regclass prints as a quoted, qualified-where-needed identifier.
    const rows = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${partition}`);
    eventsDeleted += rows.rows[0]?.n ?? 0;
    await client.query(`DROP TABLE ${partition}`);
    partitionsDropped += 1;
  }
  const name = (await client.query<{ name: string }>(q.TABLE_NAME, [table])).rows[0]?.name ?? table;
  const deleted = await client.query(`DELETE FROM ${name} WHERE event_date < $1::date`, [cutoff]);
  eventsDeleted += deleted.rowCount ?? 0;
  return { eventsDeleted, partitionsDropped };
}

/**
 * The warehouse half of a retention run, in ONE transaction: events, sessions that started,
 * identity links last seen, rejected lines of objects and daily aggregates of days before the
 * cutoff are deleted; order lines before it lose their visitor (the shop keeps its orders).
 * Aggregates of later days need no rebuild: a session counts on the day it started and an
 * event on its own day, so nothing they count is gone.
 */
export async function retainWarehouse(session: pg.PoolClient, cutoff: string, counts: Counts): Promise<void> {
  await session.query("BEGIN");
  const events = await dropEventsBefore(session, cutoff);
  const sessions = await session.query(q.DELETE_OLD_SESSIONS, [cutoff]);
  await session.query(q.DELETE_OLD_VISITOR_WEEKS, [cutoff]);
  const links = await session.query(q.DELETE_OLD_IDENTITY_LINKS, [cutoff]);
  const orderLines = await session.query(q.PSEUDONYMIZE_OLD_ORDER_LINES, [cutoff]);
  const rejected = await session.query(q.DELETE_OLD_REJECTED_LINES, [cutoff]);
  let kpiDays = 0;
  for (const statement of q.DELETE_OLD_AGGREGATE_DAYS) {
    const deleted = await session.query(statement, [cutoff]);
    if (statement.includes("agg_daily_kpi")) kpiDays = deleted.rowCount ?? 0;
  }
  await session.query(q.DELETE_OLD_EVENT_KEYS, [cutoff]);
  await session.query("COMMIT");

  counts.events_deleted += events.eventsDeleted;
  counts.partitions_dropped += events.partitionsDropped;
  counts.sessions_deleted += sessions.rowCount ?? 0;
  counts.identity_links_deleted += links.rowCount ?? 0;
  counts.order_lines_pseudonymized += orderLines.rowCount ?? 0;
  counts.rejected_lines_deleted += rejected.rowCount ?? 0;
  counts.kpi_days_deleted += kpiDays;
}

/**
 * Forgets the manifest rows of raw objects in partitions before the cutoff, except those of
 * objects still in the lake (`stillThere`): a forgotten object that exists would load again.
 */
export async function forgetDeletedObjects(client: pg.ClientBase | pg.Pool, cutoff: string, stillThere: readonly string[]): Promise<number> {
  return (await client.query(q.FORGET_DELETED_OBJECTS, [cutoff, stillThere])).rowCount ?? 0;
}
