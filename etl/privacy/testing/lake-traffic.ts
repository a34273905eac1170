import { gunzipSync } from "node:zlib";
import { GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { writeLakeObject } from "../../../ingest/lake-writer.ts";
import type { LakeArea } from "../../../lib/lake/keys.ts";
import type { TrackedEvent } from "../../../lib/tracking/schema.ts";
import { rawRecord } from "../../../lib/tracking/testing/event-factory.ts";
import type { EtlDeps } from "../../run-etl.ts";

export const BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

/** What a lake line is, for the counts an erasure should report. */
export type LineKind = "event" | "purchase" | "duplicate" | "invalid" | "rejected";

export interface Line {
  record: unknown;
  kind: LineKind;
  /** The erased person's line. */
  person: boolean;
}

export interface LakeObject {
  area: LakeArea;
  receivedAt: Date;
  lines: Line[];
}

/** A browser event as the ingest stores it; `userId` is the verified sign-in. */
export function browserLine(event: TrackedEvent, receivedAt: Date, userId: string | null, person: boolean, kind: LineKind = "event"): Line {
  return { record: { ...rawRecord(event, receivedAt, false), user_agent: BROWSER, user_id: userId }, kind, person };
}

/** An event the shop's server signed (a purchase carries its user in the event). */
export function serverLine(event: TrackedEvent, receivedAt: Date, person: boolean): Line {
  return { record: { ...rawRecord(event, receivedAt, true), user_agent: "node" }, kind: event.event_name === "purchase" ? "purchase" : "event", person };
}

export async function writeObjects(deps: EtlDeps, objects: readonly LakeObject[]): Promise<string[]> {
  const keys: string[] = [];
  for (const object of objects) {
    keys.push(await writeLakeObject(deps.s3, deps.bucket, object.area, object.receivedAt, object.lines.map((line) => line.record)));
  }
  return keys;
}

/** The same traffic as a lake that never received the person's lines. */
export function withoutPerson(objects: readonly LakeObject[]): LakeObject[] {
  return objects.map((object) => ({ ...object, lines: object.lines.filter((line) => !line.person) })).filter((object) => object.lines.length > 0);
}

/** Every object in the bucket, as text. */
export async function lakeTexts(deps: EtlDeps): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  let token: string | undefined;
  do {
    const page = await deps.s3.send(new ListObjectsV2Command({ Bucket: deps.bucket, ...(token ? { ContinuationToken: token } : {}) }));
    for (const { Key } of page.Contents ?? []) {
      if (!Key) continue;
      const body = await (await deps.s3.send(new GetObjectCommand({ Bucket: deps.bucket, Key }))).Body?.transformToByteArray();
      texts.set(Key, body ? gunzipSync(body).toString("utf8") : "");
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return texts;
}
