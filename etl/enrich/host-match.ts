// A top-level domain, or a two-part one made of a generic label and a country (co.uk, com.br).
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59}|(?:co|com|net|org|ac|gov|edu|ne|or|go|gob)\.[a-z]{2})$/;

/**
 * A test of hosts against rules in the form of channel-hosts.ts: "bing.com" matches bing.com and
 * every host under it, "google.*" matches the label google followed by a top-level domain.
 * Hosts are expected lowercase without a trailing dot.
 */
export function hostMatcher(rules: readonly string[]): (host: string) => boolean {
  const domains = new Set<string>();
  const brands = new Set<string>();
  for (const rule of rules) {
    if (/^[a-z0-9-]+\.\*$/.test(rule)) brands.add(rule.slice(0, -2));
    else if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(rule)) domains.add(rule);
    else throw new Error(`host rule "${rule}": a lowercase domain, or one label and ".*"`);
  }
  return (host) => {
    for (let rest = host; ; ) {
      const dot = rest.indexOf(".");
      if (domains.has(rest)) return true;
      if (dot < 0) break;
      const label = rest.slice(0, dot);
      rest = rest.slice(dot + 1);
      if (brands.has(label) && TOP_LEVEL.test(rest)) return true;
    }
    return false;
  };
}
