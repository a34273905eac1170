import { describe, expect, it } from "vitest";
import { MAX_SKEW_SECONDS, signBody, verifySignature } from "./signature.ts";

const SECRET = "s3cr3t-shared-by-shop-and-ingest";
const BODY = '{"schema_version":1,"events":[]}';
const NOW = new Date("2026-11-25T12:00:00Z");

describe("server event signatures", () => {
  it("verifies what was signed with the same secret", () => {
    expect(verifySignature(BODY, signBody(BODY, SECRET, NOW), SECRET, NOW)).toEqual({ ok: true });
  });

  it("refuses another body, another secret, a stale or future time, and garbage", () => {
    const header = signBody(BODY, SECRET, NOW);
    expect(verifySignature(`${BODY} `, header, SECRET, NOW)).toEqual({ ok: false, reason: "signature does not match" });
    expect(verifySignature(BODY, header, "another-secret", NOW)).toEqual({ ok: false, reason: "signature does not match" });
    const later = new Date(NOW.getTime() + (MAX_SKEW_SECONDS + 1) * 1000);
    expect(verifySignature(BODY, header, SECRET, later)).toEqual({ ok: false, reason: "signature expired" });
    const earlier = new Date(NOW.getTime() - (MAX_SKEW_SECONDS + 1) * 1000);
    expect(verifySignature(BODY, header, SECRET, earlier)).toEqual({ ok: false, reason: "signature expired" });
    expect(verifySignature(BODY, undefined, SECRET, NOW)).toEqual({ ok: false, reason: "no signature" });
    expect(verifySignature(BODY, "v1=abc", SECRET, NOW)).toEqual({ ok: false, reason: "malformed signature header" });
    // The time is part of what is signed: moving it breaks the signature.
    const moved = header.replace(/^t=(\d+)/, (_, t: string) => `t=${Number(t) + 1}`);
    expect(verifySignature(BODY, moved, SECRET, NOW)).toEqual({ ok: false, reason: "signature does not match" });
  });
});
