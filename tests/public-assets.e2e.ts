import { expect, test, type APIRequestContext } from "@playwright/test";
import { z } from "zod";
import { startShopSystem, type ShopSystem } from "../dev/testing/shop-system.ts";

// The shop's files from public/: the icons a browser shows for it, robots.txt and the web
// manifest, served by the production build and named in every page's head.
let running: ShopSystem;
let shop: string;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  running = await startShopSystem();
  shop = running.shop;
});

test.afterAll(async () => {
  await running?.stop();
});

const manifestSchema = z.object({
  name: z.string().min(1),
  short_name: z.string().min(1),
  start_url: z.literal("/"),
  display: z.string(),
  icons: z.array(z.object({ src: z.string().startsWith("/"), sizes: z.string(), type: z.string() })).min(2),
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

async function fetchOk(request: APIRequestContext, url: string, contentType: RegExp): Promise<Buffer> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()["content-type"], url).toMatch(contentType);
  return response.body();
}

test("every page names the shop's icons and manifest, and each one is served", async ({ page, request }) => {
  await page.goto(shop);
  const head = page.locator("head");
  const hrefOf = (selector: string) => head.locator(selector).getAttribute("href");
  const svgIcon = await hrefOf('link[rel="icon"][type="image/svg+xml"]');
  const pngIcon = await hrefOf('link[rel="icon"][type="image/png"]');
  const appleIcon = await hrefOf('link[rel="apple-touch-icon"]');
  const manifestHref = await hrefOf('link[rel="manifest"]');

  expect((await fetchOk(request, `${shop}${svgIcon}`, /^image\/svg\+xml/)).toString("utf8")).toContain("<svg");
  expect(pngSize(await fetchOk(request, `${shop}${pngIcon}`, /^image\/png/))).toBe("32x32");
  expect(pngSize(await fetchOk(request, `${shop}${appleIcon}`, /^image\/png/))).toBe("180x180");
  // Clients that never read the page ask for /favicon.ico: an ICO directory, not a 404.
  const ico = await fetchOk(request, `${shop}/favicon.ico`, /^image\/(x-icon|vnd\.microsoft\.icon)/);
  expect(ico.readUInt16LE(2)).toBe(1);
  expect(ico.readUInt16LE(4)).toBeGreaterThan(0);

  const manifest = manifestSchema.parse(JSON.parse((await fetchOk(request, `${shop}${manifestHref}`, /json|manifest/)).toString("utf8")));
  for (const icon of manifest.icons) {
    const bytes = await fetchOk(request, `${shop}${icon.src}`, new RegExp(`^${icon.type.replace("+", "\\+")}`));
    if (icon.type === "image/png") expect(pngSize(bytes)).toBe(icon.sizes);
  }
});

test("robots.txt lets crawlers into the catalog and keeps them out of shoppers' own pages", async ({ request }) => {
  const robots = (await fetchOk(request, `${shop}/robots.txt`, /^text\/plain/)).toString("utf8");
  expect(robots).toMatch(/^User-agent: \*$/m);
  expect(robots).toMatch(/^Allow: \/$/m);
  for (const privatePath of ["/search", "/api/", "/cart", "/checkout", "/account"]) expect(robots).toContain(`Disallow: ${privatePath}`);
});
