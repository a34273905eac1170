import { parseArgs, type ParseArgsConfig } from "node:util";
import { z } from "zod";
import { subjectSchema, type Subject } from "./subject.ts";

export const ERASE_USAGE = "usage: npm run erase -- --user <id> | --anonymous <uuid>";
export const RETENTION_USAGE = "usage: npm run retention -- [--days N]  (or RETENTION_DAYS=N; off when neither is set)";

function problems(error: z.ZodError): string {
  return error.issues.map((issue) => issue.message).join("; ");
}

/** node:util parseArgs, its errors (unknown option, missing value) followed by the usage. */
function parseOptions<T extends ParseArgsConfig["options"]>(argv: readonly string[], options: T, usage: string) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}; ${usage}`);
  }
}

/** `--user <id>` or `--anonymous <uuid>`, exactly one. */
export function parseEraseArgs(argv: readonly string[]): Subject {
  const values = parseOptions(argv, { user: { type: "string" }, anonymous: { type: "string" } }, ERASE_USAGE);
  const given = [
    ...(values.user === undefined ? [] : [{ kind: "user" as const, id: values.user }]),
    ...(values.anonymous === undefined ? [] : [{ kind: "anonymous" as const, id: values.anonymous }]),
  ];
  if (given.length !== 1) throw new Error(`name exactly one person to erase; ${ERASE_USAGE}`);
  const parsed = subjectSchema.safeParse(given[0]);
  if (!parsed.success) throw new Error(`invalid ${given[0]?.kind} id: ${problems(parsed.error)}; ${ERASE_USAGE}`);
  return parsed.data;
}

const daysSchema = z.coerce.number().int("days must be a whole number").min(1, "days must be at least 1");

export type RetentionSetting = { kind: "off" } | { kind: "days"; days: number };

/** `--days N` wins over RETENTION_DAYS; with neither, retention is off. */
export function parseRetentionArgs(argv: readonly string[], env: Record<string, string | undefined>): RetentionSetting {
  const values = parseOptions(argv, { days: { type: "string" } }, RETENTION_USAGE);
  const raw = values.days ?? env.RETENTION_DAYS;
  if (raw === undefined || raw.trim() === "") return { kind: "off" };
  const parsed = daysSchema.safeParse(raw.trim());
  if (!parsed.success) throw new Error(`invalid retention days "${raw}": ${problems(parsed.error)}; ${RETENTION_USAGE}`);
  return { kind: "days", days: parsed.data };
}
