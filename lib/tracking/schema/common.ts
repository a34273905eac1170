import { z } from "zod";
import { MAX_TITLE_LENGTH, MAX_URL_LENGTH } from "../constants.ts";

export const isoDateTime = z.iso.datetime({ offset: true });
export const currencyCode = z.string().regex(/^[A-Z]{3}$/);
const cents = z.int().nonnegative().max(10_000_000_00);

/** Where the event happened, taken when it happened (never when it was sent). */
export const pageContextSchema = z.strictObject({
  url: z.url().max(MAX_URL_LENGTH),
  path: z.string().startsWith("/").max(MAX_URL_LENGTH),
  referrer: z.string().max(MAX_URL_LENGTH).nullable(),
  title: z.string().max(MAX_TITLE_LENGTH),
});

const campaignText = z.string().min(1).max(256);

/** Ad click ids a landing URL may carry (Google, Microsoft, Meta, TikTok, LinkedIn, X, …). */
export const CLICK_ID_PARAMS = ["gclid", "gbraid", "wbraid", "dclid", "msclkid", "fbclid", "ttclid", "li_fat_id", "twclid"] as const;

/** UTM tags and click id of the visit's landing URL, kept for the rest of its session. */
export const campaignSchema = z.strictObject({
  source: campaignText.optional(),
  medium: campaignText.optional(),
  name: campaignText.optional(),
  term: campaignText.optional(),
  content: campaignText.optional(),
  click_id_param: z.enum(CLICK_ID_PARAMS).optional(),
  click_id: z.string().min(1).max(512).optional(),
});

/** CSS pixels: screen.width × screen.height, or the window's innerWidth × innerHeight. */
export const sizeSchema = z.strictObject({ width: z.int().min(0).max(100_000), height: z.int().min(0).max(100_000) });

/** What every browser event says about the visitor at the time. */
export const visitContextSchema = z.strictObject({
  logged_in: z.boolean(),
  /** The visitor's anonymous id was created in this session. */
  first_visit: z.boolean(),
  campaign: campaignSchema.optional(),
  // The browser's settings, for the audience reports. Page views carry them (campaign too), other
  // events and events from before they existed do not.
  /** navigator.language: a BCP 47 tag such as "en-US". */
  language: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  /** The IANA time zone the browser resolves dates in, such as "Europe/Berlin". */
  time_zone: z.string().regex(/^[A-Za-z0-9_+/-]{1,64}$/).optional(),
  screen: sizeSchema.optional(),
  viewport: sizeSchema.optional(),
});

/** A product as events carry it, so the warehouse never reads the shop's database. */
export const productRefSchema = z.strictObject({
  product_id: z.string().min(1).max(64),
  sku: z.string().min(1).max(64),
  slug: z.string().min(1).max(200),
  name: z.string().min(1).max(300),
  brand: z.string().min(1).max(100),
  category: z.string().min(1).max(100),
  price_cents: cents,
  currency: currencyCode,
});

export const quantity = z.int().min(1).max(99);

export const lineItemSchema = productRefSchema.extend({ quantity });

/** Items with their total: the cart, the checkout, the order. */
export const itemsWithValue = {
  items: z.array(lineItemSchema).max(100),
  value_cents: cents,
  currency: currencyCode,
};

export function itemsAddUp(order: { items: ReadonlyArray<{ price_cents: number; quantity: number }>; value_cents: number }): boolean {
  return order.value_cents === order.items.reduce((sum, item) => sum + item.price_cents * item.quantity, 0);
}

export { cents };

/** A short, readable reason from a zod error: "properties.price_cents: Invalid input…". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(root)"}: ${issue.message}`)
    .join("; ");
}
