import { z } from "zod";
import { SHIPPING_METHOD_IDS } from "./shipping.ts";

/** The countries the shop ships to (ISO 3166-1 alpha-2), in the order the form lists them. */
export const SHIPPING_COUNTRIES = [
  ["US", "United States"],
  ["CA", "Canada"],
  ["GB", "United Kingdom"],
  ["IE", "Ireland"],
  ["DE", "Germany"],
  ["FR", "France"],
  ["NL", "Netherlands"],
  ["ES", "Spain"],
  ["IT", "Italy"],
  ["AU", "Australia"],
] as const satisfies ReadonlyArray<readonly [string, string]>;

type CountryCode = (typeof SHIPPING_COUNTRIES)[number][0];
const COUNTRY_CODES = SHIPPING_COUNTRIES.map(([code]) => code) as [CountryCode, ...CountryCode[]];

/** No control characters or markup brackets in an address: it is printed on labels and pages. */
const text = (label: string, max: number, required: boolean) => {
  const base = z
    .string({ error: `Enter ${label}` })
    .trim()
    .max(max, `${capitalise(label)} is too long (at most ${max} characters)`)
    .refine((value) => !/[\u0000-\u001f\u007f<>]/.test(value), `${capitalise(label)} has characters an address cannot hold`);
  return required ? base.refine((value) => value.length > 0, `Enter ${label}`) : base;
};

function capitalise(label: string): string {
  const words = label.replace(/^(the|a|an|your) /, "");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const shippingAddressSchema = z.object({
  name: text("the recipient's name", 100, true),
  line1: text("the street address", 200, true),
  line2: text("the second address line", 200, false),
  city: text("the city", 100, true),
  region: text("the state or region", 100, false),
  postalCode: text("the postal code", 20, true).refine((value) => value === "" || /^[A-Za-z0-9][A-Za-z0-9 -]{1,18}$/.test(value), "Enter a valid postal code"),
  country: z.enum(COUNTRY_CODES, { error: "Choose a country we ship to" }),
});

export type ShippingAddress = z.infer<typeof shippingAddressSchema>;

export const checkoutFormSchema = z.object({
  address: shippingAddressSchema,
  shippingMethod: z.enum(SHIPPING_METHOD_IDS, { error: "Choose a shipping method" }),
  /** One per rendered checkout form: submitting it twice places one order. */
  idempotencyKey: z.uuid({ error: "This checkout form has expired; reload the page" }),
});

export type CheckoutForm = z.infer<typeof checkoutFormSchema>;

/** Field name → first problem, for showing beside each field. */
export type CheckoutFieldErrors = Partial<Record<keyof ShippingAddress | "shippingMethod" | "idempotencyKey", string>>;

const field = (form: FormData, name: string): string | undefined => {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
};

/** Reads the checkout form as posted; every value is validated, none trusted. */
export function parseCheckoutForm(form: FormData): { ok: true; value: CheckoutForm } | { ok: false; errors: CheckoutFieldErrors } {
  const parsed = checkoutFormSchema.safeParse({
    address: {
      name: field(form, "name"),
      line1: field(form, "line1"),
      line2: field(form, "line2") ?? "",
      city: field(form, "city"),
      region: field(form, "region") ?? "",
      postalCode: field(form, "postalCode"),
      country: field(form, "country"),
    },
    shippingMethod: field(form, "shippingMethod"),
    idempotencyKey: field(form, "idempotencyKey"),
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: CheckoutFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = (issue.path[0] === "address" ? issue.path[1] : issue.path[0]) as keyof CheckoutFieldErrors;
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}
