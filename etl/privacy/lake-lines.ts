import { constants, gunzipSync, gzipSync } from "node:zlib";
import { z } from "zod";
import { readLakeLine } from "../../lib/tracking/schema.ts";
import { idHash } from "./subject.ts";

/** What marks a lake line as an erased person's. */
export interface ErasedLines {
  /** SHA-256 hashes of the erased user ids and anonymous ids (erased_subject). */
  userHashes: ReadonlySet<string>;
  anonymousHashes: ReadonlySet<string>;
  /** For lines that are not JSON objects: each known id as a JSON string, quotes included. */
  needles: readonly string[];
}

const idFields = z.object({ anonymous_id: z.unknown(), user_id: z.unknown() }).partial();
/** Raw records (ingest's verified user_id, the event as sent) and rejected records (payload). */
const lineFields = z.object({ user_id: z.unknown(), event: idFields.optional().catch(undefined), payload: idFields.optional().catch(undefined) });

const text = (value: unknown): string[] => (typeof value === "string" ? [value] : []);

/**
 * The ids a JSON lake line names, raw or rejected, any version: whoever the ingest verified and
 * whatever the event as sent claims. Null for a line that is not a JSON object.
 */
export function idsOfLine(json: unknown): { users: string[]; anonymous: string[] } | null {
  const parsed = lineFields.safeParse(json);
  if (!parsed.success) return null;
  const { user_id, event, payload } = parsed.data;
  return {
    users: [...text(user_id), ...text(event?.user_id), ...text(payload?.user_id)],
    // The warehouse keeps anonymous ids as uuid, printed in lower case; hashes are of that.
    anonymous: [...text(event?.anonymous_id), ...text(payload?.anonymous_id)].map((id) => id.toLowerCase()),
  };
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** Whether a lake line is an erased person's: by the ids it names, else (not JSON) by their text. */
export function isErasedLine(line: string, erased: ErasedLines): boolean {
  const ids = idsOfLine(parseJson(line));
  if (ids === null) return erased.needles.some((needle) => line.includes(needle));
  return ids.users.some((id) => erased.userHashes.has(idHash(id))) || ids.anonymous.some((id) => erased.anonymousHashes.has(idHash(id)));
}

/** The anonymous visitor of a valid raw line whose (verified or signed) user is one of `users`. */
export function visitorSignedInAs(line: string, users: ReadonlySet<string>): string | null {
  const read = readLakeLine(parseJson(line));
  if (!read.ok || read.event.user_id === null || !users.has(read.event.user_id)) return null;
  return read.event.anonymous_id?.toLowerCase() ?? null;
}

/** An object's lines (NDJSON, the trailing newline's empty line left out). */
export function linesOf(ndjson: string): string[] {
  const lines = ndjson.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** The object without the lines `drop` picks: the other lines byte for byte, in their order. */
export function withoutLines(ndjson: string, drop: (line: string) => boolean): { kept: string[]; removed: number } {
  const lines = linesOf(ndjson);
  const kept = lines.filter((line) => !drop(line));
  return { kept, removed: lines.length - kept.length };
}

/** A lake object's text, or null when it is not readable gzip (a quarantined object). */
export function gunzipText(body: Uint8Array): string | null {
  try {
    return gunzipSync(body).toString("utf8");
  } catch {
    return null;
  }
}

/** Lines as the ingest writes an object (ingest/lake-writer.ts): NDJSON, gzip at its fastest level. */
export function gzipLines(lines: readonly string[]): Buffer {
  return gzipSync(lines.join("\n") + "\n", { level: constants.Z_BEST_SPEED });
}
