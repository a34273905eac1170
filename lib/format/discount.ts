import { formatPrice } from "./price.ts";

/**
 * A discount: the price a product had before (its "compare-at" price, shown struck through) and
 * what the shopper saves now. Amounts are integers in the currency's minor unit, as prices are.
 */
export interface Discount {
  compareAtCents: number;
  savingCents: number;
  /** Whole percent saved, rounded down so a label never promises more than the saving. */
  percent: number;
}

/**
 * The discount of a price against its compare-at price; null when there is none (no compare-at
 * price, or one that is not above the price, which the database never stores but a caller may pass).
 */
export function discountOf(priceCents: number, compareAtCents: number | null | undefined): Discount | null {
  if (compareAtCents === null || compareAtCents === undefined) return null;
  if (!Number.isSafeInteger(priceCents) || !Number.isSafeInteger(compareAtCents)) return null;
  if (priceCents < 0 || compareAtCents <= priceCents) return null;
  const savingCents = compareAtCents - priceCents;
  return { compareAtCents, savingCents, percent: discountPercent(priceCents, compareAtCents) };
}

/** `discountPercent(79_999, 99_999)` → 20: the whole percent saved, rounded down; 0 when none. */
export function discountPercent(priceCents: number, compareAtCents: number): number {
  if (!(compareAtCents > 0) || compareAtCents <= priceCents) return 0;
  // Integer numerator and denominator: the division is exact wherever the result is whole.
  return Math.floor(((compareAtCents - priceCents) * 100) / compareAtCents);
}

/** "Save 20%", or the amount ("Save $0.50") for a saving under one percent. */
export function savingLabel(discount: Discount, currency: string): string {
  return discount.percent >= 1 ? `Save ${discount.percent}%` : `Save ${formatPrice(discount.savingCents, currency)}`;
}
