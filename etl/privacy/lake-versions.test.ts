import { describe, expect, it } from "vitest";
import { versionsToDelete, type VersionEntry } from "./lake-versions.ts";

const key = "raw/dt=2026-11-20/hr=10/019ab000.ndjson.gz";
const entry = (over: Partial<VersionEntry>): VersionEntry => ({ key, versionId: "v", isLatest: false, deleteMarker: false, ...over });

describe("versionsToDelete", () => {
  const listing = [
    entry({ versionId: "v3", isLatest: true }),
    entry({ versionId: "v2" }),
    entry({ versionId: "v1" }),
    // A listing by prefix also returns longer keys: never touched.
    entry({ key: `${key}.copy`, versionId: "c1", isLatest: true }),
    entry({ key: `${key}.copy`, versionId: "c0" }),
  ];

  it("keeps the current version of a rewritten object and deletes every older one", () => {
    expect(versionsToDelete(key, listing, true)).toEqual([
      { Key: key, VersionId: "v2" },
      { Key: key, VersionId: "v1" },
    ]);
  });

  it("deletes every version and delete marker of an object that is gone", () => {
    const gone = [entry({ versionId: "m1", isLatest: true, deleteMarker: true }), entry({ versionId: "v1" })];
    expect(versionsToDelete(key, [...listing, ...gone], false).map((id) => id.VersionId)).toEqual(["v3", "v2", "v1", "m1", "v1"]);
  });
});
