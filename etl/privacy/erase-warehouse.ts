import type pg from "pg";
import { rebuildAggregates } from "../model/refresh-model.ts";
import * as q from "./privacy-queries.ts";
import type { Counts } from "./privacy-queries.ts";
import { idHash, allIds, type SubjectIds } from "./subject.ts";

type Changed = { n: number; days: string[] };

/** Each id as it appears in a JSON line, quotes included: a bare substring could be any text. */
export const jsonNeedles = (ids: SubjectIds) => allIds(ids).map((id) => JSON.stringify(id));

/**
 * The warehouse half of an erasure, in ONE transaction on the locked session: the person's ids
 * go on the suppression list (hashed), the lake objects to rewrite are listed, their events,
 * sessions, identity links and rejected lines are deleted, their signed purchases and order
 * lines kept without them, and the aggregates of every day that changed are rebuilt.
 */
export async function eraseFromWarehouse(
  session: pg.PoolClient,
  actionId: number,
  ids: SubjectIds,
  objectKeys: readonly string[],
  counts: Counts,
): Promise<void> {
  const person = [ids.anonymous, ids.users];
  const suppressed = [...ids.users.map((id) => ["user", idHash(id)]), ...ids.anonymous.map((id) => ["anonymous", idHash(id)])];
  const changed = async (sql: string) => (await session.query<Changed>(sql, person)).rows[0] ?? { n: 0, days: [] };

  await session.query("BEGIN");
  await session.query(q.SUPPRESS, [suppressed.map(([kind]) => kind), suppressed.map(([, hash]) => hash), actionId]);
  await session.query(q.LIST_OBJECTS_TO_ERASE, [actionId, objectKeys]);
  const purchases = await changed(q.PSEUDONYMIZE_PURCHASES);
  const events = await changed(q.DELETE_EVENTS);
  const sessions = await changed(q.DELETE_SESSIONS);
  const links = await session.query(q.DELETE_IDENTITY_LINKS, person);
  await session.query(q.DELETE_VISITOR_WEEKS, [ids.anonymous]);
  const orderLines = await session.query(q.PSEUDONYMIZE_ORDER_LINES, person);
  const rejected = await session.query(q.DELETE_REJECTED_LINES, [jsonNeedles(ids)]);
  const days = [...new Set([...purchases.days, ...events.days, ...sessions.days])].sort();
  if (days.length > 0) await rebuildAggregates(session, days);
  await session.query("COMMIT");

  counts.events_pseudonymized += purchases.n;
  counts.events_deleted += events.n;
  counts.sessions_deleted += sessions.n;
  counts.identity_links_deleted += links.rowCount ?? 0;
  counts.order_lines_pseudonymized += orderLines.rowCount ?? 0;
  counts.rejected_lines_deleted += rejected.rowCount ?? 0;
}
