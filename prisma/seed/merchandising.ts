import { fnv1a, mulberry32 } from "./random.ts";

/*
 * The seed catalog's merchandising: which products are featured on the home page, which are
 * discounted (and from what price), how many units each has sold before the shop kept count, and
 * when each was listed. Pure functions of a product's own data, like its SKU and stock, so adding
 * or reordering products never changes another product's values.
 */

/** The merchandiser's picks for the home page: one in stock from eight categories. */
export const FEATURED_SLUGS: readonly string[] = [
  "lenovo-thinkpad-x1-carbon-gen-12",
  "apple-mac-mini-m4-16gb-256gb",
  "amd-ryzen-7-7800x3d",
  "msi-geforce-rtx-5070-ti-16g-ventus-3x-oc",
  "wd-black-sn850x-1tb-nvme-ssd",
  "lg-ultragear-27gr95qe-b-27-oled-gaming-monitor",
  "logitech-mx-master-3s-wireless-mouse",
  "tp-link-archer-be800-tri-band-wi-fi-7-router",
];

/** The share of products on offer, and how much above the price their compare-at price is. */
export const DISCOUNT_SHARE = 0.15;
export const DISCOUNT_RANGE = { min: 0.1, max: 0.3 } as const;

const STEPS = [50, 10, 5, 1] as const;

/** A round step for a price in whole dollars: $1 under $100, $5 under $500, $10 under $2,000, else $50. */
function roundStep(dollars: number): number {
  if (dollars < 100) return 1;
  if (dollars < 500) return 5;
  if (dollars < 2000) return 10;
  return 50;
}

/**
 * The price a discounted product had before, for about DISCOUNT_SHARE of products (null for the
 * rest): 12–28% above the price, on a round step, ending as the price does (.99 or .00), and
 * always within DISCOUNT_RANGE of it.
 */
export function compareAtPriceFor(slug: string, priceCents: number): number | null {
  const random = mulberry32(fnv1a(`discount:${slug}`));
  if (random() >= DISCOUNT_SHARE) return null;
  const markup = 0.12 + random() * 0.16;
  const endsIn99 = priceCents % 100 === 99;
  const target = (priceCents * (1 + markup)) / 100;
  const fits = (cents: number) => cents >= priceCents * (1 + DISCOUNT_RANGE.min) && cents <= priceCents * (1 + DISCOUNT_RANGE.max);
  for (const step of STEPS.filter((step) => step <= roundStep(target))) {
    const dollars = Math.round(target / step) * step;
    const cents = endsIn99 ? dollars * 100 - 1 : dollars * 100;
    if (fits(cents)) return cents;
  }
  return null;
}

/**
 * Units sold before the shop counted them: cheaper things sell more, and popularity varies a lot
 * (a few best sellers, a long tail); featured products sell half as much again.
 */
export function unitsSoldFor(slug: string, priceCents: number, featured: boolean): number {
  const random = mulberry32(fnv1a(`sold:${slug}`));
  const popularity = random() ** 2;
  const scale = 6000 / Math.sqrt(Math.max(priceCents / 100, 10));
  return Math.round(scale * (0.1 + 1.9 * popularity) * (featured ? 1.5 : 1));
}

/** When the seed catalog's newest products were listed; the rest over the year before. */
export const LISTED_UNTIL = Date.UTC(2026, 10, 1);
const DAY_MS = 86_400_000;

/** When a product was listed (its `created_at`): a whole day within the year up to LISTED_UNTIL. */
export function listedAtFor(slug: string): Date {
  const daysBefore = Math.floor(mulberry32(fnv1a(`listed:${slug}`))() * 365);
  return new Date(LISTED_UNTIL - daysBefore * DAY_MS);
}
