import type { App } from "sst/constructs";

/** Where `sst dev` serves the shop (`next dev`). */
export const DEV_SHOP_ORIGIN = "http://localhost:3000";

/**
 * The browser origins allowed to post events to the ingest API (its CORS `allowOrigins`).
 *
 * They come from `SHOP_ORIGINS` (comma-separated, e.g. `https://shop.example.com`) at synth time
 * and cannot be taken from the site's CloudFront URL: the site already depends on the API (its
 * `INGEST_URL`), so the API depending on the site would be a dependency cycle. Under `sst dev`
 * the local shop's origin is always allowed. Deploying without `SHOP_ORIGINS` fails rather than
 * silently allowing every origin: set it to the shop's custom domain. A stage without one only
 * learns its CloudFront URL by deploying: deploy once with a placeholder origin, then set
 * SHOP_ORIGINS to the `SiteUrl` output and deploy again.
 */
export function shopOrigins(mode: App["mode"], raw: string | undefined = process.env.SHOP_ORIGINS): string[] {
  const configured = (raw ?? "")
    .split(",")
    .map((value) => value.trim())
    .filter((value) => value !== "")
    .map(parseOrigin);
  const origins = mode === "dev" ? [DEV_SHOP_ORIGIN, ...configured] : configured;
  // `sst remove` synthesizes too; what CORS would allow does not matter there.
  if (origins.length === 0 && mode === "deploy") {
    throw new Error(
      `SHOP_ORIGINS is not set: the ingest API only accepts browser requests from the shop's origin. ` +
        `Set SHOP_ORIGINS=https://<the shop's domain> (for a stage without a custom domain, its SiteUrl output) and deploy again.`,
    );
  }
  return [...new Set(origins)];
}

function parseOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SHOP_ORIGINS: "${value}" is not a URL; expected an origin such as https://shop.example.com`);
  }
  const local = url.hostname === "localhost" || url.hostname === "127.0.0.1";
  if (url.origin !== value.replace(/\/$/, "") || (url.protocol !== "https:" && !(local && url.protocol === "http:"))) {
    throw new Error(
      `SHOP_ORIGINS: "${value}" is not an origin; expected scheme://host[:port] with https (http only for localhost), no path`,
    );
  }
  return url.origin;
}
