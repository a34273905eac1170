import type pg from "pg";
import * as q from "./privacy-queries.ts";
import type { Counts } from "./privacy-queries.ts";

export type PrivacyActionKind = "erase" | "retention";

export interface ActionHeader {
  action: PrivacyActionKind;
  subjectKind?: "user" | "anonymous";
  subjectHash?: string;
  cutoff?: string;
  parameters?: Record<string, unknown>;
}

export const zeroCounts = (): Counts => ({
  events_deleted: 0, events_pseudonymized: 0, partitions_dropped: 0, sessions_deleted: 0, identity_links_deleted: 0,
  order_lines_pseudonymized: 0, rejected_lines_deleted: 0, kpi_days_deleted: 0, manifest_rows_deleted: 0,
  objects_scanned: 0, objects_rewritten: 0, objects_deleted: 0, lines_removed: 0, versions_deleted: 0,
});

const insertValues = (header: ActionHeader, status: "running" | "failed", error: string | null) => [
  header.action, header.subjectKind ?? null, header.subjectHash ?? null, header.cutoff ?? null,
  JSON.stringify(header.parameters ?? {}), status, error,
];

/** Under the ETL lock: marks actions that died as abandoned and logs this one as running. */
export async function startAction(session: pg.PoolClient, header: ActionHeader): Promise<number> {
  await session.query(q.ABANDON_DEAD_ACTIONS);
  const inserted = await session.query<{ action_id: string }>(q.INSERT_ACTION, insertValues(header, "running", null));
  return Number(inserted.rows[0]?.action_id);
}

/** Records how the action ended, with what it did until then (a failure keeps its counts). */
export async function finishAction(
  session: pg.ClientBase,
  actionId: number,
  outcome: { status: "succeeded" | "failed"; error?: string; parameters?: Record<string, unknown>; counts: Counts },
): Promise<void> {
  await session.query(q.FINISH_ACTION, [
    actionId, outcome.status, outcome.error ?? null, JSON.stringify(outcome.parameters ?? {}), JSON.stringify(outcome.counts),
  ]);
}

/** An action that could not start (the ETL held its lock): logged as failed, having changed nothing. */
export async function logRefusal(warehouse: pg.Pool, header: ActionHeader, error: string): Promise<void> {
  await warehouse.query(q.INSERT_ACTION, insertValues(header, "failed", error));
}
