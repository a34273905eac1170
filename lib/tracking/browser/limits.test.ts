import { describe, expect, it } from "vitest";
import * as constants from "../constants.ts";
import * as limits from "./limits.ts";

describe("tracker limits", () => {
  it("copies the shared constants exactly", () => {
    expect(limits.SCHEMA_VERSION).toBe(constants.SCHEMA_VERSION);
    expect(limits.MAX_EVENTS_PER_BATCH).toBe(constants.MAX_EVENTS_PER_BATCH);
    expect(limits.MAX_CLICK_TEXT_LENGTH).toBe(constants.MAX_CLICK_TEXT_LENGTH);
  });

  it("keeps request bodies under the ingest's limit and a beacon's 64 KiB", () => {
    expect(limits.MAX_BODY_BYTES).toBeLessThanOrEqual(constants.MAX_BATCH_BYTES);
    expect(limits.MAX_BODY_BYTES).toBeLessThan(64 * 1024);
  });

  it("ends a request before the sending tab's lease runs out", () => {
    expect(limits.FETCH_TIMEOUT_MS).toBeLessThan(limits.LEASE_MS - limits.LEASE_SETTLE_MS);
  });

  it("keeps the session cookie as long as a session", () => {
    expect(limits.SESSION_TIMEOUT_MS).toBe(limits.SESSION_TIMEOUT_S * 1000);
  });
});
