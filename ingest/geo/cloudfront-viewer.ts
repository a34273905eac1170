import type { Geo } from "../../lib/tracking/schema.ts";
import { geoName } from "./geo-name.ts";
import { parseAddress, type IpAddress } from "./ip-address.ts";

/*
 * CloudFront's viewer headers, believed only on a request that came through the shop's own
 * distribution (client-origin.ts checks that). Header names in lower case, as the handler gives them.
 */

type Headers = Readonly<Record<string, string | undefined>>;

/** CloudFront-Viewer-Address: "198.51.100.10:46532", an IPv6 address unbracketed with its port after the last colon. */
export function viewerAddress(headers: Headers): IpAddress | null {
  const value = headers["cloudfront-viewer-address"]?.trim() ?? "";
  const colon = value.lastIndexOf(":");
  if (colon <= 0 || !/^\d{1,5}$/.test(value.slice(colon + 1))) return null;
  return parseAddress(value.slice(0, colon));
}

/** A header value that may be percent-encoded (CloudFront encodes names beyond ASCII). */
function decoded(value: string | undefined): string | undefined {
  if (!value?.includes("%")) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The viewer's location from CloudFront-Viewer-Country, -Country-Region-Name and -City; null
 * without a country. The region's name, not its code (CloudFront-Viewer-Country-Region), so it
 * reads like DB-IP's.
 */
export function viewerGeo(headers: Headers): Geo | null {
  const country = headers["cloudfront-viewer-country"]?.trim().toUpperCase();
  if (!country || !/^[A-Z]{2}$/.test(country) || country === "ZZ") return null;
  return {
    country,
    region: geoName(decoded(headers["cloudfront-viewer-country-region-name"])),
    city: geoName(decoded(headers["cloudfront-viewer-city"])),
    source: "cloudfront",
  };
}
