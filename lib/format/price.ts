/**
 * Money formatting. Prices are stored as integers in the currency's minor unit ("cents"):
 * 129900 USD is $1,299.00; currencies without a minor unit (JPY) store whole units.
 */

export const DEFAULT_LOCALE = "en-US";

const formatters = new Map<string, Intl.NumberFormat>();

function currencyFormatter(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** How many minor units make one major unit of `currency` (USD: 2 digits, JPY: 0). */
export function minorUnitDigits(currency: string): number {
  return currencyFormatter(currency.toUpperCase(), DEFAULT_LOCALE).resolvedOptions().maximumFractionDigits ?? 2;
}

/** `formatPrice(129900, "USD")` → "$1,299.00". Throws a RangeError for an unknown currency code. */
export function formatPrice(amountMinor: number, currency: string, locale: string = DEFAULT_LOCALE): string {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`formatPrice expects an integer amount in minor units, got ${amountMinor}`);
  }
  const code = currency.trim().toUpperCase();
  const digits = minorUnitDigits(code);
  return currencyFormatter(code, locale).format(amountMinor / 10 ** digits);
}
