import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { pageView, purchase, rawRecord } from "../../lib/tracking/testing/event-factory.ts";
import { gzipLines, isErasedLine, visitorSignedInAs, withoutLines, type ErasedLines } from "./lake-lines.ts";
import { idHash } from "./subject.ts";

const ANON = "0b5f1c4e-3a2d-4e6f-8a9b-0c1d2e3f4a5b";
const OTHER = "1c6a2d5f-4b3e-4f70-9bac-1d2e3f4a5b6c";
const USER = "user-erased";

const erased = (users: string[], anonymous: string[]): ErasedLines => ({
  userHashes: new Set(users.map(idHash)),
  anonymousHashes: new Set(anonymous.map(idHash)),
  needles: [...users, ...anonymous].map((id) => JSON.stringify(id)),
});

const line = (record: unknown) => JSON.stringify(record);

describe("isErasedLine", () => {
  const person = erased([USER], [ANON]);

  it("picks raw lines by their visitor, the ingest's verified user or the signed event's user", () => {
    expect(isErasedLine(line(rawRecord(pageView({ anonymous_id: ANON }))), person)).toBe(true);
    expect(isErasedLine(line(rawRecord(pageView({ anonymous_id: ANON.toUpperCase() }))), person)).toBe(true);
    expect(isErasedLine(line({ ...rawRecord(pageView({ anonymous_id: OTHER })), user_id: USER }), person)).toBe(true);
    expect(isErasedLine(line(rawRecord({ ...purchase(), anonymous_id: OTHER, user_id: USER }, new Date(), true)), person)).toBe(true);
    expect(isErasedLine(line(rawRecord(pageView({ anonymous_id: OTHER }))), person)).toBe(false);
  });

  it("picks rejected lines by the ids of their payload, and lines that are not JSON by the ids' text", () => {
    const rejected = (payload: unknown) => line({ schema_version: 2, received_at: "2026-11-20T10:00:00.000Z", index: 0, reason: "bad", payload });
    expect(isErasedLine(rejected({ anonymous_id: ANON, event_name: "nope" }), person)).toBe(true);
    expect(isErasedLine(rejected({ anonymous_id: OTHER, user_id: USER }), person)).toBe(true);
    expect(isErasedLine(rejected({ anonymous_id: OTHER }), person)).toBe(false);
    expect(isErasedLine(rejected("a string payload"), person)).toBe(false);
    expect(isErasedLine(`{"event":{"anonymous_id":"${ANON}","ev`, person)).toBe(true);
    expect(isErasedLine(`{"event":{"anonymous_id":"${OTHER}","ev`, person)).toBe(false);
  });

  it("does not pick a line that merely contains the id in some other field", () => {
    const search = pageView({ anonymous_id: OTHER, page: { url: `https://shop.example/?q=${USER}`, path: "/", referrer: null, title: USER } });
    expect(isErasedLine(line(rawRecord(search)), person)).toBe(false);
  });
});

describe("visitorSignedInAs", () => {
  it("names the visitor of a valid line whose user is the warehouse's user: verified, or signed by the shop", () => {
    const users = new Set([USER]);
    expect(visitorSignedInAs(line({ ...rawRecord(pageView({ anonymous_id: ANON })), user_id: USER }), users)).toBe(ANON);
    expect(visitorSignedInAs(line(rawRecord({ ...purchase(), anonymous_id: ANON, user_id: USER }, new Date(), true)), users)).toBe(ANON);
    // Unsigned, the body's user_id is a claim the warehouse ignores.
    expect(visitorSignedInAs(line(rawRecord({ ...purchase(), anonymous_id: ANON, user_id: USER }, new Date(), false)), users)).toBeNull();
    expect(visitorSignedInAs(line(rawRecord(pageView({ anonymous_id: ANON }))), users)).toBeNull();
    expect(visitorSignedInAs("not json", users)).toBeNull();
  });
});

describe("withoutLines and gzipLines", () => {
  it("keeps the other lines byte for byte, in order, as gzipped NDJSON", () => {
    const text = ['{"a": 1.0}', "drop me", '{"b":"é"}', ""].join("\n");
    const { kept, removed } = withoutLines(text, (l) => l === "drop me");
    expect(removed).toBe(1);
    expect(gunzipSync(gzipLines(kept)).toString("utf8")).toBe('{"a": 1.0}\n{"b":"é"}\n');
  });
});
