/**
 * Who may reach the internal ALB in front of Shiny: ADMIN_CIDRS at synth time, comma-separated
 * IPv4 CIDRs (e.g. the VPN's client range). Unset: nobody through the ALB; admins then use SSM
 * port forwarding (README, Deploy). Anything that would open it to the internet is refused.
 */
export function adminCidrs(raw: string | undefined = process.env.ADMIN_CIDRS): string[] {
  const cidrs = (raw ?? "")
    .split(",")
    .map((value) => value.trim())
    .filter((value) => value !== "");
  for (const cidr of cidrs) {
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
    if (!match || match.slice(1, 5).some((octet) => Number(octet) > 255) || Number(match[5]) > 32) {
      throw new Error(`ADMIN_CIDRS: "${cidr}" is not an IPv4 CIDR such as 10.8.0.0/16`);
    }
    if (Number(match[5]) < 8) {
      throw new Error(`ADMIN_CIDRS: "${cidr}" is wider than /8; the dashboards are internal only`);
    }
  }
  return [...new Set(cidrs)];
}
