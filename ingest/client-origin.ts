import { createHash, timingSafeEqual } from "node:crypto";
import { BlockList } from "node:net";
import type { Geo } from "../lib/tracking/schema.ts";
import { viewerAddress, viewerGeo } from "./geo/cloudfront-viewer.ts";
import { parseAddress, type IpAddress } from "./geo/ip-address.ts";

/** The header CloudFront adds to the shop's first-party events path: its value is a secret only CloudFront and the ingest know. */
export const ORIGIN_SECRET_HEADER = "x-origin-verify";

/** Whose word on the client's address the ingest takes. */
export interface ProxyTrust {
  /** Peers whose X-Forwarded-For is believed (the local adapter's loopback); null: nobody's. */
  readonly forwarders: BlockList | null;
  /** With this secret in ORIGIN_SECRET_HEADER, the request came through the shop's CloudFront: its viewer headers are believed. */
  readonly originSecret: string | null;
}

export const TRUST_NOBODY: ProxyTrust = { forwarders: null, originSecret: null };

/** "loopback", or a CIDR ("10.0.0.0/8", "::1/128"), or a single address. */
export function parseForwarder(entry: string): { network: string; prefix: number; family: 4 | 6 }[] | null {
  if (entry === "loopback") return [{ network: "127.0.0.0", prefix: 8, family: 4 }, { network: "::1", prefix: 128, family: 6 }];
  const [host, bits, ...rest] = entry.split("/");
  const address = parseAddress(host);
  if (!address || rest.length > 0) return null;
  const max = address.family === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
  return Number.isInteger(prefix) && prefix >= 0 && prefix <= max ? [{ network: address.text, prefix, family: address.family }] : null;
}

export function proxyTrust(options: { forwarders: readonly string[]; originSecret: string | null }): ProxyTrust {
  let forwarders: BlockList | null = null;
  for (const entry of options.forwarders) {
    const subnets = parseForwarder(entry);
    if (!subnets) throw new Error(`not a trusted proxy: ${entry} (expected loopback, a CIDR or an address)`);
    forwarders ??= new BlockList();
    for (const { network, prefix, family } of subnets) forwarders.addSubnet(network, prefix, family === 4 ? "ipv4" : "ipv6");
  }
  return { forwarders, originSecret: options.originSecret };
}

/** The client's address, and its location where the edge said it; never stored as such (only truncated). */
export interface ClientOrigin {
  address: IpAddress | null;
  /** From CloudFront's viewer headers: the ingest then looks nothing up. */
  edgeGeo: Geo | null;
}

const digest = (value: string) => createHash("sha256").update(value).digest();
const sameSecret = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected));

const forwards = (trust: ProxyTrust, address: IpAddress | null): address is IpAddress =>
  address !== null && trust.forwarders !== null && trust.forwarders.check(address.text, address.family === 4 ? "ipv4" : "ipv6");

/**
 * Who sent the request: the source address, unless a proxy the configuration trusts says
 * otherwise. Through the shop's CloudFront (its secret origin header), the viewer headers;
 * from a trusted forwarder, X-Forwarded-For read from the right, hop by hop while each hop is
 * a trusted forwarder itself, so entries a client wrote on the left are never believed. Anyone
 * else's forwarding headers are ignored. A malformed hop makes the client unknown.
 */
export function clientOrigin(
  request: { sourceIp: string | null; headers: Readonly<Record<string, string | undefined>> },
  trust: ProxyTrust = TRUST_NOBODY,
): ClientOrigin {
  const { headers } = request;
  const secret = headers[ORIGIN_SECRET_HEADER];
  if (trust.originSecret !== null && secret !== undefined && sameSecret(secret, trust.originSecret)) {
    return { address: viewerAddress(headers), edgeGeo: viewerGeo(headers) };
  }
  let client = parseAddress(request.sourceIp);
  const hops = (headers["x-forwarded-for"] ?? "").split(",");
  while (forwards(trust, client) && hops.length > 0) {
    const hop = hops.pop()!.trim();
    if (hop === "") continue;
    client = parseAddress(hop);
  }
  return { address: client, edgeGeo: null };
}
