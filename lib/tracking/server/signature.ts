import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Server events are signed with a secret the shop's server and the ingest share, and no browser
 * ever has: `X-Event-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. The time
 * is signed too, and a signature older (or newer) than MAX_SKEW_SECONDS is refused, so a captured
 * request cannot be replayed later (a replay within the window only repeats event ids, which the
 * warehouse drops).
 */
export const SIGNATURE_HEADER = "x-event-signature";
export const MAX_SKEW_SECONDS = 300;

function digest(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function signBody(body: string, secret: string, now: Date = new Date()): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${digest(secret, timestamp, body)}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export function verifySignature(body: string, header: string | null | undefined, secret: string, now: Date = new Date()): SignatureCheck {
  if (!header) return { ok: false, reason: "no signature" };
  const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header.trim());
  if (!match?.[1] || !match[2]) return { ok: false, reason: "malformed signature header" };
  const timestamp = Number(match[1]);
  if (Math.abs(now.getTime() / 1000 - timestamp) > MAX_SKEW_SECONDS) return { ok: false, reason: "signature expired" };
  const expected = Buffer.from(digest(secret, timestamp, body), "hex");
  const given = Buffer.from(match[2], "hex");
  return expected.length === given.length && timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: "signature does not match" };
}
