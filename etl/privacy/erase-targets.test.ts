import { describe, expect, it } from "vitest";
import { neighbourPartitions } from "./erase-targets.ts";

describe("neighbourPartitions", () => {
  it("gives each object's raw partition hour and the next one, across a day's end, once each", () => {
    expect(
      neighbourPartitions([
        "raw/dt=2026-11-20/hr=23/019ab000-0000-7000-8000-000000000001.ndjson.gz",
        "raw/dt=2026-11-20/hr=23/019ab000-0000-7000-8000-000000000002.ndjson.gz",
        "raw/dt=2026-11-20/hr=09/019ab000-0000-7000-8000-000000000003.ndjson.gz",
        "rejected/dt=2026-11-20/hr=05/019ab000-0000-7000-8000-000000000004.ndjson.gz",
        "not-a-lake-key",
      ]),
    ).toEqual(["raw/dt=2026-11-20/hr=09/", "raw/dt=2026-11-20/hr=10/", "raw/dt=2026-11-20/hr=23/", "raw/dt=2026-11-21/hr=00/"]);
  });
});
