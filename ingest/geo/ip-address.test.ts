import { describe, expect, it } from "vitest";
import { isPublicAddress, parseAddress } from "./ip-address.ts";

describe("parseAddress", () => {
  it.each([
    ["81.2.69.142", "81.2.69.142", 4],
    [" 81.2.69.142 ", "81.2.69.142", 4],
    ["81.2.69.142:51234", "81.2.69.142", 4],
    ["::ffff:81.2.69.142", "81.2.69.142", 4],
    ["0:0:0:0:0:FFFF:5102:458E", "81.2.69.142", 4],
    ["2A00:1450:4001:0:0:0:0:1", "2a00:1450:4001::1", 6],
    ["[2a00:1450:4001::1]:443", "2a00:1450:4001::1", 6],
    ["fe80::1%eth0", "fe80::1", 6],
  ])("reads %j as %s", (given, text, family) => {
    expect(parseAddress(given)).toEqual({ text, family });
  });

  it.each([null, undefined, "", " ", "unknown", "81.2.69.256", "81.2.69", "2a00::1::2", "[81.2.69.142", "81.2.69.142:port", "1.2.3.4/24", "2a00:1450:4001::1:443x"])("reads %j as no address", (given) => {
    expect(parseAddress(given)).toBeNull();
  });
});

describe("isPublicAddress", () => {
  it("tells public unicast addresses from the ones that say nothing of a place", () => {
    const isPublic = (text: string) => isPublicAddress(parseAddress(text)!);
    expect(["81.2.69.142", "8.8.8.8", "2a00:1450:4001::1", "::ffff:8.8.8.8"].map(isPublic)).toEqual([true, true, true, true]);
    expect(["127.0.0.1", "10.0.0.1", "192.168.1.1", "::1", "fe80::1", "fd12::1", "2001:db8::1", "::ffff:127.0.0.1"].map(isPublic)).toEqual(Array(8).fill(false));
  });
});
