import type { Geo, Size } from "../../lib/tracking/schema.ts";
import type { BotKind } from "./traffic.ts";
import type { Prng } from "./prng.ts";

/** Where a visitor shops from and in which language and time zone, with how common that is. */
const PLACES: ReadonlyArray<[Omit<Geo, "source"> & { language: string; time_zone: string }, number]> = [
  [{ country: "US", region: "California", city: "San Jose", language: "en-US", time_zone: "America/Los_Angeles" }, 9],
  [{ country: "US", region: "New York", city: "New York", language: "en-US", time_zone: "America/New_York" }, 9],
  [{ country: "US", region: "Texas", city: "Austin", language: "en-US", time_zone: "America/Chicago" }, 6],
  [{ country: "US", region: "Washington", city: "Seattle", language: "en-US", time_zone: "America/Los_Angeles" }, 4],
  [{ country: "CA", region: "Ontario", city: "Toronto", language: "en-CA", time_zone: "America/Toronto" }, 5],
  [{ country: "CA", region: "Quebec", city: "Montreal", language: "fr-CA", time_zone: "America/Toronto" }, 2],
  [{ country: "GB", region: "England", city: "London", language: "en-GB", time_zone: "Europe/London" }, 8],
  [{ country: "GB", region: "Scotland", city: "Edinburgh", language: "en-GB", time_zone: "Europe/London" }, 2],
  [{ country: "DE", region: "Bavaria", city: "Munich", language: "de-DE", time_zone: "Europe/Berlin" }, 5],
  [{ country: "DE", region: "Berlin", city: "Berlin", language: "de-DE", time_zone: "Europe/Berlin" }, 5],
  [{ country: "FR", region: "Île-de-France", city: "Paris", language: "fr-FR", time_zone: "Europe/Paris" }, 6],
  [{ country: "NL", region: "North Holland", city: "Amsterdam", language: "nl-NL", time_zone: "Europe/Amsterdam" }, 3],
  [{ country: "ES", region: "Madrid", city: "Madrid", language: "es-ES", time_zone: "Europe/Madrid" }, 3],
  [{ country: "IT", region: "Lombardy", city: "Milan", language: "it-IT", time_zone: "Europe/Rome" }, 3],
  [{ country: "SE", region: "Stockholm", city: "Stockholm", language: "sv-SE", time_zone: "Europe/Stockholm" }, 2],
  [{ country: "PL", region: "Mazovia", city: "Warsaw", language: "pl-PL", time_zone: "Europe/Warsaw" }, 2],
  [{ country: "IN", region: "Karnataka", city: "Bengaluru", language: "en-IN", time_zone: "Asia/Kolkata" }, 5],
  [{ country: "JP", region: "Tokyo", city: "Tokyo", language: "ja-JP", time_zone: "Asia/Tokyo" }, 4],
  [{ country: "AU", region: "New South Wales", city: "Sydney", language: "en-AU", time_zone: "Australia/Sydney" }, 3],
  [{ country: "BR", region: "São Paulo", city: "São Paulo", language: "pt-BR", time_zone: "America/Sao_Paulo" }, 3],
];

/** The browser's settings the tracker reads (page views carry them). */
export interface Audience {
  language: string;
  time_zone: string;
  screen: Size;
  viewport: Size;
}

const PHONE = /iPhone|Android.*Mobile/;
const TABLET = /iPad|Android(?!.*Mobile)/;

/**
 * A visitor's place (one in fifty unknown to the lookup) and browser settings, fitting their
 * agent: phones 360-430 CSS px wide, tablets 768-1024, desktops 1280-2560. Crawlers run no
 * tracker settings worth keeping and are placed where their operator is.
 */
export function visitorAudience(random: Prng, bot: BotKind | null, userAgent: string): { geo: Geo | null; audience: Audience | null } {
  if (bot === "googlebot" || bot === "bingbot") {
    return { geo: { country: "US", region: bot === "googlebot" ? "California" : "Washington", city: bot === "googlebot" ? "Mountain View" : "Redmond", source: "dbip" }, audience: null };
  }
  const place = random.weighted(PLACES);
  const { language, time_zone, ...where } = place;
  const geo: Geo | null = random.chance(0.02) ? null : { ...where, source: "dbip" };
  const [low, high] = PHONE.test(userAgent) ? [360, 430] : TABLET.test(userAgent) ? [768, 1024] : [1280, 2560];
  const width = random.int(low, high);
  const height = Math.round(width * (PHONE.test(userAgent) ? 2.1 : 0.6));
  const chrome = PHONE.test(userAgent) ? 140 : 90;
  return { geo, audience: { language, time_zone, screen: { width, height }, viewport: { width, height: Math.max(1, height - chrome) } } };
}
