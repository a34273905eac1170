import { describe, expect, it } from "vitest";
import { listingStart } from "./list-raw-objects.ts";

describe("listingStart", () => {
  it("lists everything before the first load", () => {
    expect(listingStart(null)).toBeUndefined();
  });

  it("starts a few partitions before the newest loaded object, across a day boundary", () => {
    expect(listingStart("raw/dt=2026-11-25/hr=01/x.ndjson.gz", 2)).toBe("raw/dt=2026-11-24/hr=23/");
    expect(listingStart("raw/dt=2026-11-25/hr=14/x.ndjson.gz", 2)).toBe("raw/dt=2026-11-25/hr=12/");
  });
});
