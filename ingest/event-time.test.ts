import { describe, expect, it } from "vitest";
import { deriveEventTime, FUTURE_TOLERANCE_MS, LONG_AGO_MS } from "./event-time.ts";

const receivedAt = new Date("2026-11-25T12:00:00.000Z");
const at = (ms: number) => new Date(receivedAt.getTime() + ms).toISOString();
const minute = 60_000;

describe("deriveEventTime", () => {
  it("corrects occurred_at by the device's clock error: received_at − (sent_at − occurred_at)", () => {
    // The device's clock is an hour fast: it sent at 13:00 what happened at 12:59 by its clock.
    const result = deriveEventTime("2026-11-25T12:59:00.000Z", "2026-11-25T13:00:00.000Z", receivedAt);
    expect(result).toEqual({ derivedAt: "2026-11-25T11:59:00.000Z", flags: [] });
  });

  it("reads offsets and keeps millisecond precision", () => {
    expect(deriveEventTime("2026-11-25T13:29:59.250+01:30", "2026-11-25T12:00:00.000Z", receivedAt).derivedAt).toBe("2026-11-25T11:59:59.250Z");
  });

  it("does not flag a device whose clock is merely wrong", () => {
    expect(deriveEventTime(at(3 * 3_600_000), at(3 * 3_600_000 + 1_000), receivedAt).flags).toEqual([]);
    expect(deriveEventTime(at(-40 * 86_400_000), at(-40 * 86_400_000 + 1_000), receivedAt).flags).toEqual([]);
  });

  it("flags an event that happened more than ten minutes after its batch was sent", () => {
    const sentAt = at(0);
    expect(deriveEventTime(at(FUTURE_TOLERANCE_MS), sentAt, receivedAt).flags).toEqual([]);
    expect(deriveEventTime(at(FUTURE_TOLERANCE_MS + 1), sentAt, receivedAt).flags).toEqual(["occurred_in_future"]);
    expect(deriveEventTime(at(11 * minute), at(-5 * minute), receivedAt)).toEqual({ derivedAt: at(16 * minute), flags: ["occurred_in_future"] });
  });

  it("flags an event whose derived time is more than thirty days before it arrived", () => {
    const sentAt = at(-2_000);
    expect(deriveEventTime(at(-2_000 - LONG_AGO_MS), sentAt, receivedAt).flags).toEqual([]);
    expect(deriveEventTime(at(-2_001 - LONG_AGO_MS), sentAt, receivedAt)).toEqual({ derivedAt: at(-LONG_AGO_MS - 1), flags: ["occurred_long_ago"] });
  });

  it("keeps a derived time from a broken clock within four-digit years", () => {
    const far = deriveEventTime("9999-12-31T23:59:59.000Z", "0001-01-01T00:00:00.000Z", receivedAt);
    expect(far).toEqual({ derivedAt: "9999-12-31T23:59:59.999Z", flags: ["occurred_in_future"] });
    const early = deriveEventTime("0000-01-01T00:00:00.000Z", "9999-01-01T00:00:00.000Z", receivedAt);
    expect(early).toEqual({ derivedAt: "0000-01-01T00:00:00.000Z", flags: ["occurred_long_ago"] });
  });
});
