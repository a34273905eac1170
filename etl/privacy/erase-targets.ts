import type pg from "pg";
import { partitionOfKey, partitionPrefix } from "../../lib/lake/keys.ts";
import { listRawKeyPages } from "../list-raw-objects.ts";
import { KNOWN_OBJECTS } from "../warehouse-queries.ts";
import { linesOf, visitorSignedInAs } from "./lake-lines.ts";
import { listKeys, readLakeText } from "./lake-objects.ts";
import type { PrivacyDeps } from "./privacy-deps.ts";
import * as q from "./privacy-queries.ts";
import type { Subject, SubjectIds } from "./subject.ts";

const HOUR_MS = 3_600_000;

/** raw/ objects the ETL has not taken yet: what is in flight, or was written for a backfill. */
export async function unloadedRawKeys(session: pg.PoolClient, deps: PrivacyDeps): Promise<string[]> {
  const unloaded: string[] = [];
  for await (const page of listRawKeyPages(deps.s3, deps.bucket, undefined)) {
    const known = new Set((await session.query<{ object_key: string }>(KNOWN_OBJECTS, [page])).rows.map((row) => row.object_key));
    unloaded.push(...page.filter((key) => !known.has(key)));
  }
  return unloaded;
}

/**
 * The person's ids. A user is every anonymous visitor ever seen signed in as them, in the
 * warehouse or in objects it has not loaded yet; an anonymous visitor is just that visitor.
 */
export async function personIds(session: pg.PoolClient, deps: PrivacyDeps, subject: Subject, unloaded: readonly string[]): Promise<SubjectIds> {
  if (subject.kind === "anonymous") return { users: [], anonymous: [subject.id] };
  const visitors = new Set((await session.query<{ anonymous_id: string }>(q.VISITORS_OF_USER, [subject.id])).rows.map((row) => row.anonymous_id));
  const users = new Set([subject.id]);
  for (const key of unloaded) {
    const object = await readLakeText(deps.s3, deps.bucket, key);
    if (object.kind !== "text") continue;
    for (const line of linesOf(object.text)) {
      const visitor = visitorSignedInAs(line, users);
      if (visitor) visitors.add(visitor);
    }
  }
  return { users: [subject.id], anonymous: [...visitors].sort() };
}

/**
 * The raw partitions (hours) to scan beside the objects the person's events were loaded from: a
 * tracker's retry of an event lands in a later object, loaded as a duplicate, which the
 * warehouse does not point to; retries come within minutes, so the same and the next hour.
 */
export function neighbourPartitions(objectKeys: readonly string[]): string[] {
  const prefixes = new Set<string>();
  for (const key of objectKeys) {
    const partition = partitionOfKey(key);
    if (partition?.area !== "raw") continue;
    prefixes.add(partitionPrefix("raw", partition.hour));
    prefixes.add(partitionPrefix("raw", new Date(partition.hour.getTime() + HOUR_MS)));
  }
  return [...prefixes].sort();
}

/**
 * Every lake object that may hold the person's lines: the partitions of their loaded events,
 * the objects not loaded yet, and all of rejected/ (small, and its lines are not in the warehouse).
 */
export async function objectsToScan(session: pg.PoolClient, deps: PrivacyDeps, ids: SubjectIds, unloaded: readonly string[]): Promise<string[]> {
  const loadedFrom = (await session.query<{ object_key: string }>(q.OBJECTS_OF_PERSON, [ids.anonymous, ids.users])).rows.map((row) => row.object_key);
  const keys = new Set([...loadedFrom, ...unloaded]);
  for (const prefix of [...neighbourPartitions(loadedFrom), "rejected/"]) {
    for (const key of await listKeys(deps.s3, deps.bucket, prefix)) keys.add(key);
  }
  return [...keys].sort();
}
