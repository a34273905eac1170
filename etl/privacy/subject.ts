import { createHash } from "node:crypto";
import { z } from "zod";

/** Whom an erasure is about: a signed-in user (Cognito `sub`) or an anonymous visitor (the tracker's id). */
export const subjectSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("user"), id: z.string().min(1).max(128) }),
  // The warehouse stores anonymous ids as uuid, which prints them in lower case.
  z.object({ kind: z.literal("anonymous"), id: z.uuid().transform((id) => id.toLowerCase()) }),
]);

export type Subject = z.infer<typeof subjectSchema>;
export type SubjectKind = Subject["kind"];

/**
 * How the warehouse names an erased id: SHA-256 of its UTF-8 text, in hex. The same as
 * `encode(sha256(convert_to(id, 'UTF8')), 'hex')` in etl/model/05-drop-erased.sql.
 */
export function idHash(id: string): string {
  return createHash("sha256").update(id, "utf8").digest("hex");
}

/** Every id of an erased person: their users and every anonymous visitor seen with them. */
export interface SubjectIds {
  users: string[];
  anonymous: string[];
}

export function allIds(ids: SubjectIds): string[] {
  return [...ids.users, ...ids.anonymous];
}
