const DAY_MS = 86_400_000;

/**
 * The first day kept (UTC, YYYY-MM-DD) when keeping `days` days before today: lake partitions
 * and events of earlier days are dropped. Today itself is never dropped.
 */
export function retentionCutoff(now: Date, days: number): string {
  if (!Number.isInteger(days) || days < 1) throw new Error(`retention must keep at least one whole day, not ${days}`);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - days * DAY_MS).toISOString().slice(0, 10);
}
