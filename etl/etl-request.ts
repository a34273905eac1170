import { z } from "zod";
import { describeIssues } from "../lib/tracking/schema.ts";
import type { EtlOptions } from "./run-etl.ts";

const instant = z.iso.datetime({ offset: true }).transform((text) => new Date(text));

/**
 * What an ETL run may be asked to do besides its scheduled work, from the command line or as the
 * Lambda's input: backfill chosen hours, list the whole lake now, or rebuild the model.
 */
export const etlRequestSchema = z
  .strictObject({
    backfill: z
      .strictObject({ from: instant, to: instant })
      // Runs even when a bound failed to parse (zod reports every issue): check both are dates.
      .refine(({ from, to }) => !(from instanceof Date && to instanceof Date) || from.getTime() <= to.getTime(), "backfill.from must not be after backfill.to")
      .optional(),
    reconcile: z.enum(["daily", "now", "never"]).optional(),
    checks: z.boolean().optional(),
  })
  .refine((request) => !(request.backfill && request.reconcile), "a backfill lists its own range; do not ask it to reconcile too");

export type EtlRequest = z.infer<typeof etlRequestSchema>;

/** EventBridge's scheduled event (or none): the run's ordinary work. Anything else must be a request. */
function isSchedule(event: unknown): boolean {
  if (event === undefined || event === null) return true;
  return typeof event === "object" && "source" in event && (event as { source: unknown }).source === "aws.events";
}

/** The Lambda's input as run options; a malformed request is an error that says what is wrong. */
export function etlOptionsFromEvent(event: unknown): EtlOptions {
  if (isSchedule(event)) return {};
  const parsed = etlRequestSchema.safeParse(event);
  if (!parsed.success) throw new Error(`invalid ETL request: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
