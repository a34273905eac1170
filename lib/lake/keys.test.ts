import { describe, expect, it } from "vitest";
import { v7 as uuidv7 } from "uuid";
import { lakeObjectKey, partitionOfKey, partitionPrefix, writtenAtOfKey } from "./keys.ts";

describe("lake keys", () => {
  const at = new Date("2026-03-07T09:41:12.345Z");

  it("partitions by UTC date and hour", () => {
    expect(partitionPrefix("raw", at)).toBe("raw/dt=2026-03-07/hr=09/");
    expect(lakeObjectKey("rejected", at, "0192")).toBe("rejected/dt=2026-03-07/hr=09/0192.ndjson.gz");
  });

  it("gives every object its own key", () => {
    expect(lakeObjectKey("raw", at)).not.toBe(lakeObjectKey("raw", at));
  });

  it("reads the partition back from a key", () => {
    expect(partitionOfKey(lakeObjectKey("raw", at))).toEqual({ area: "raw", hour: new Date("2026-03-07T09:00:00Z") });
  });

  it("refuses keys outside the layout", () => {
    expect(partitionOfKey("raw/dt=2026-03-07/x.ndjson.gz")).toBeNull();
    expect(partitionOfKey("raw/dt=2026-13-07/hr=09/a.ndjson.gz")).toBeNull();
    expect(partitionOfKey("other/dt=2026-03-07/hr=09/a.ndjson.gz")).toBeNull();
  });

  it("reads when the ingest wrote an object from its uuidv7 name, within the key's hour", () => {
    expect(writtenAtOfKey(lakeObjectKey("raw", at, uuidv7({ msecs: at.getTime() })))).toEqual(at);
    // A name that is no uuidv7, or whose time lies outside the hour: the hour's start.
    expect(writtenAtOfKey(lakeObjectKey("raw", at, "0192"))).toEqual(new Date("2026-03-07T09:00:00Z"));
    expect(writtenAtOfKey(lakeObjectKey("raw", at, uuidv7({ msecs: at.getTime() + 3_600_000 })))).toEqual(new Date("2026-03-07T09:00:00Z"));
    expect(writtenAtOfKey("not/a/key")).toBeNull();
  });
});
