import { BlockList, isIP } from "node:net";

/** A client address, normalized: what the geography lookup and the truncation read. */
export interface IpAddress {
  readonly text: string;
  readonly family: 4 | 6;
}

const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/;
const BRACKETED = /^\[([^\]]+)\](?::\d{1,5})?$/;
const IPV4_MAPPED = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/;

/**
 * An address as a socket or a forwarding header gives it: trimmed, without a zone id
 * (fe80::1%eth0), brackets or port ("[2001:db8::1]:443", "198.51.100.7:5000"), and an IPv4-mapped
 * IPv6 address (::ffff:198.51.100.7, what a dual-stack socket reports for an IPv4 client) as the
 * IPv4 address it is. Null when it is no address.
 */
export function parseAddress(value: string | null | undefined): IpAddress | null {
  if (!value) return null;
  let text = value.trim();
  text = BRACKETED.exec(text)?.[1] ?? IPV4_WITH_PORT.exec(text)?.[1] ?? text;
  text = text.split("%", 1)[0] ?? "";
  const family = isIP(text);
  if (family === 4) return { text, family };
  if (family !== 6) return null;
  const canonical = canonicalIpv6(text);
  if (canonical === null) return null;
  const mapped = IPV4_MAPPED.exec(canonical);
  if (!mapped) return { text: canonical, family: 6 };
  const [high, low] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
  return { text: `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`, family: 4 };
}

/** IPv6 in its one canonical form, as the URL parser writes it: lower case, "::", a dotted quad as hex. */
function canonicalIpv6(text: string): string | null {
  try {
    return new URL(`http://[${text}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
}

/** Ranges that say nothing of where a client is: private, loopback, link-local, shared, documentation, multicast, reserved. */
const SPECIAL = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  SPECIAL.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  SPECIAL.addSubnet(network, prefix, "ipv6");
}

/** Whether an address can be placed on a map: a public unicast address. */
export function isPublicAddress(address: IpAddress): boolean {
  return !SPECIAL.check(address.text, address.family === 4 ? "ipv4" : "ipv6");
}
