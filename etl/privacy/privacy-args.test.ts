import { describe, expect, it } from "vitest";
import { parseEraseArgs, parseRetentionArgs } from "./privacy-args.ts";

describe("npm run erase arguments", () => {
  it("names a user or an anonymous visitor, whose uuid is kept in lower case as the warehouse prints it", () => {
    expect(parseEraseArgs(["--user", "us-east-1:abc"])).toEqual({ kind: "user", id: "us-east-1:abc" });
    expect(parseEraseArgs(["--anonymous", "0B5F1C4E-3A2D-4E6F-8A9B-0C1D2E3F4A5B"])).toEqual({
      kind: "anonymous", id: "0b5f1c4e-3a2d-4e6f-8a9b-0c1d2e3f4a5b",
    });
    expect(parseEraseArgs(["--user=u-1"])).toEqual({ kind: "user", id: "u-1" });
  });

  it("refuses anything but exactly one valid person", () => {
    expect(() => parseEraseArgs([])).toThrow(/exactly one/);
    expect(() => parseEraseArgs(["--user", "a", "--anonymous", "0b5f1c4e-3a2d-4e6f-8a9b-0c1d2e3f4a5b"])).toThrow(/exactly one/);
    expect(() => parseEraseArgs(["--anonymous", "not-a-uuid"])).toThrow(/invalid anonymous id/);
    expect(() => parseEraseArgs(["--user", ""])).toThrow(/invalid user id/);
    expect(() => parseEraseArgs(["--user", "x".repeat(129)])).toThrow(/invalid user id/);
    expect(() => parseEraseArgs(["--email", "a@b.c"])).toThrow();
    expect(() => parseEraseArgs(["someone"])).toThrow();
  });
});

describe("npm run retention arguments", () => {
  it("is off unless --days or RETENTION_DAYS says how many days to keep, --days first", () => {
    expect(parseRetentionArgs([], {})).toEqual({ kind: "off" });
    expect(parseRetentionArgs([], { RETENTION_DAYS: " " })).toEqual({ kind: "off" });
    expect(parseRetentionArgs([], { RETENTION_DAYS: "400" })).toEqual({ kind: "days", days: 400 });
    expect(parseRetentionArgs(["--days", "30"], { RETENTION_DAYS: "400" })).toEqual({ kind: "days", days: 30 });
  });

  it("refuses a number of days that is not a whole number of at least one", () => {
    for (const days of ["0", "-3", "1.5", "ten"]) {
      expect(() => parseRetentionArgs([`--days=${days}`], {})).toThrow(/invalid retention days/);
      expect(() => parseRetentionArgs([], { RETENTION_DAYS: days })).toThrow(/invalid retention days/);
    }
    expect(() => parseRetentionArgs(["--weeks", "2"], {})).toThrow();
  });
});
