import { isIP } from "node:net";

/**
 * A client address with its host part dropped, so the lake never holds one person's address:
 * IPv4 keeps its /24 (203.0.113.7 → 203.0.113.0), IPv6 its /48 (2001:db8:1:2::7 → 2001:db8:1::),
 * and an IPv4-mapped IPv6 address (::ffff:203.0.113.7, what a dual-stack socket reports for an
 * IPv4 client) is treated as the IPv4 address it is. Anything unparsable gives null.
 */
export function truncateIp(address: string | null | undefined): string | null {
  if (!address) return null;
  const candidate = address.trim();
  if (isIP(candidate) === 4) return truncateIpv4(candidate);
  // A zone id (fe80::1%eth0) names the local interface, not the address.
  const unzoned = candidate.split("%", 1)[0] ?? "";
  if (isIP(unzoned) !== 6) return null;
  const hextets = ipv6Hextets(unzoned);
  if (!hextets) return null;
  if (isIpv4Mapped(hextets)) {
    const [high = 0, low = 0] = hextets.slice(6);
    return `${high >> 8}.${high & 0xff}.${low >> 8}.0`;
  }
  return prefix48(hextets);
}

function truncateIpv4(address: string): string {
  const [a, b, c] = address.split(".");
  return `${a}.${b}.${c}.0`;
}

/** The eight 16-bit groups of an address isIP() already accepted as IPv6. */
function ipv6Hextets(address: string): number[] | null {
  let text = address.toLowerCase();
  // A trailing dotted quad (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) stands for the last two groups.
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((group) => parseInt(group, 16)));
  const before = parse(head);
  const after = tail === undefined ? [] : parse(tail);
  const missing = 8 - before.length - after.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  const groups = [...before, ...Array<number>(missing).fill(0), ...after];
  return groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? groups : null;
}

function isIpv4Mapped(hextets: readonly number[]): boolean {
  return hextets.slice(0, 5).every((group) => group === 0) && hextets[5] === 0xffff;
}

/** The first 48 bits in RFC 5952 form: the zeros after them always make the longest run. */
function prefix48(hextets: readonly number[]): string {
  const kept = hextets.slice(0, 3);
  while (kept.length > 0 && kept.at(-1) === 0) kept.pop();
  return `${kept.map((group) => group.toString(16)).join(":")}::`;
}
