import { parseArgs } from "node:util";
import { z } from "zod";
import { describeIssues } from "../lib/tracking/schema.ts";
import { etlRequestSchema, type EtlRequest } from "./etl-request.ts";

export const ETL_USAGE = `Usage: npm run etl -- [options]

  (no options)               load everything waiting in the lake, pass after pass, now
  --from <time> --to <time>  backfill: load every object of the raw partitions received in that
                             range that is not loaded yet (a date means its whole day, UTC)
  --reconcile                list the whole lake against the manifest now and load what is missing
  --rebuild [--from <day>] [--to <day>]
                             recompute sessions, order lines, dimensions and aggregates from
                             the loaded events (all, or those of the days given)
  --no-checks                skip the data checks after the run
  -h, --help                 this text`;

export type EtlCommand =
  | { kind: "help" }
  | { kind: "run"; request: EtlRequest }
  | { kind: "rebuild"; from: string | null; to: string | null };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a day is YYYY-MM-DD");

/** A date alone means the start of that UTC day, or its last hour when it ends a range. */
function instant(text: string, end: boolean): string {
  return day.safeParse(text).success ? `${text}T${end ? "23" : "00"}:00:00Z` : text;
}

/** `npm run etl` arguments → what to do; throws with a readable message on a bad command line. */
export function parseEtlArgs(argv: readonly string[]): EtlCommand {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      from: { type: "string" },
      to: { type: "string" },
      reconcile: { type: "boolean" },
      rebuild: { type: "boolean" },
      "no-checks": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return { kind: "help" };
  if (values.rebuild) {
    if (values.reconcile) throw new Error("--rebuild reads the loaded events only: it cannot --reconcile");
    const bound = (text: string | undefined, name: string) => {
      if (text === undefined) return null;
      const parsed = day.safeParse(text);
      if (!parsed.success) throw new Error(`--${name}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    };
    return { kind: "rebuild", from: bound(values.from, "from"), to: bound(values.to, "to") };
  }
  if ((values.from === undefined) !== (values.to === undefined)) throw new Error("a backfill needs both --from and --to");
  const parsed = etlRequestSchema.safeParse({
    ...(values.from !== undefined && values.to !== undefined ? { backfill: { from: instant(values.from, false), to: instant(values.to, true) } } : {}),
    ...(values.reconcile ? { reconcile: "now" } : {}),
    ...(values["no-checks"] ? { checks: false } : {}),
  });
  if (!parsed.success) throw new Error(describeIssues(parsed.error));
  return { kind: "run", request: parsed.data };
}
