import { describe, expect, it } from "vitest";
import { parseEtlArgs } from "./cli-args.ts";

describe("parseEtlArgs", () => {
  it("runs the ordinary load with no arguments", () => {
    expect(parseEtlArgs([])).toEqual({ kind: "run", request: {} });
    expect(parseEtlArgs(["--reconcile", "--no-checks"])).toEqual({ kind: "run", request: { reconcile: "now", checks: false } });
  });

  it("reads a backfill range, a date meaning its whole UTC day", () => {
    expect(parseEtlArgs(["--from", "2026-11-01", "--to", "2026-11-02"])).toEqual({
      kind: "run", request: { backfill: { from: new Date("2026-11-01T00:00:00Z"), to: new Date("2026-11-02T23:00:00Z") } },
    });
    expect(parseEtlArgs(["--from", "2026-11-01T05:00:00Z", "--to", "2026-11-01T07:00:00Z"])).toMatchObject({
      request: { backfill: { from: new Date("2026-11-01T05:00:00Z"), to: new Date("2026-11-01T07:00:00Z") } },
    });
  });

  it("reads a rebuild, whole or by days", () => {
    expect(parseEtlArgs(["--rebuild"])).toEqual({ kind: "rebuild", from: null, to: null });
    expect(parseEtlArgs(["--rebuild", "--from", "2026-11-01"])).toEqual({ kind: "rebuild", from: "2026-11-01", to: null });
  });

  it("says what is wrong with a bad command line", () => {
    expect(() => parseEtlArgs(["--from", "2026-11-01"])).toThrow(/both --from and --to/);
    expect(() => parseEtlArgs(["--from", "2026-11-03", "--to", "2026-11-01"])).toThrow(/must not be after/);
    expect(() => parseEtlArgs(["--from", "last week", "--to", "2026-11-01"])).toThrow(/backfill\.from/);
    expect(() => parseEtlArgs(["--rebuild", "--from", "2026-11-01T00:00:00Z"])).toThrow(/--from: a day is YYYY-MM-DD/);
    expect(() => parseEtlArgs(["--rebuild", "--reconcile"])).toThrow(/cannot --reconcile/);
    expect(() => parseEtlArgs(["--frm", "x"])).toThrow(/Unknown option/);
  });
});
