import { boundedMemo } from "./bounded-memo.ts";
import {
  EMAIL_SOURCE_NAMES,
  NOT_SEARCH_HOSTS,
  SEARCH_APPS,
  SEARCH_HOSTS,
  SEARCH_SOURCE_NAMES,
  SOCIAL_APPS,
  SOCIAL_HOSTS,
  SOCIAL_SOURCE_NAMES,
} from "./channel-hosts.ts";
import { hostMatcher } from "./host-match.ts";

export const CHANNELS = [
  "direct",
  "organic_search",
  "paid_search",
  "organic_social",
  "paid_social",
  "email",
  "affiliate",
  "display",
  "referral",
  "internal",
] as const;

export type Channel = (typeof CHANNELS)[number];

/** The landing URL's UTM tags and ad click id (lib/tracking's Campaign fits). */
export interface CampaignTags {
  source?: string;
  medium?: string;
  name?: string;
  term?: string;
  content?: string;
  click_id_param?: string;
  click_id?: string;
}

export interface ChannelInput {
  referrer: string | null;
  landingUrl: string | null;
  campaign: CampaignTags | null;
  /** Hostnames of the shop besides the landing URL's own (no scheme; a port is ignored). */
  shopHosts?: readonly string[];
}

const SEARCH_AD_CLICK_IDS: ReadonlySet<string> = new Set(["gclid", "gbraid", "wbraid", "dclid", "msclkid"]);
const SOCIAL_AD_CLICK_IDS: ReadonlySet<string> = new Set(["fbclid", "ttclid", "li_fat_id", "twclid"]);

const PAID_MEDIUM = /^(?:cpc|ppc|retargeting|paid.*)$/;
const DISPLAY_MEDIUM = /^(?:display|banner|expandable|interstitial|cpm)$/;
const EMAIL_MEDIUM = /^(?:e[-_ ]?mail|newsletter)$/;
const AFFILIATE_MEDIUM = /^affiliates?$/;
const SOCIAL_MEDIUM = /^(?:social.*|sm|organic[-_ ]?social)$/;
const ORGANIC_MEDIUM = /^organic(?:[-_ ]?search)?$/;
const REFERRAL_MEDIUM = /^(?:referral|link|app)$/;

type SourceKind = "search" | "social" | "email" | null;

const isSocialHost = hostMatcher(SOCIAL_HOSTS);
const isNotSearchHost = hostMatcher(NOT_SEARCH_HOSTS);
const isSearchHost = hostMatcher(SEARCH_HOSTS);

const hostKind = boundedMemo((host: string): SourceKind => {
  if (isSocialHost(host)) return "social";
  return !isNotSearchHost(host) && isSearchHost(host) ? "search" : null;
}, 10_000);

function text(value: unknown): string {
  return typeof value === "string" ? value.trim().toLowerCase() : "";
}

function normalHost(host: string): string {
  return host.toLowerCase().replace(/:\d*$/, "").replace(/\.$/, "");
}

function sourceKind(source: string): SourceKind {
  if (source === "") return null;
  if (source.includes(".")) return hostKind(normalHost(source));
  const name = source.replace(/[\s_-]+/g, "");
  if (SEARCH_SOURCE_NAMES.has(name)) return "search";
  if (SOCIAL_SOURCE_NAMES.has(name)) return "social";
  return EMAIL_SOURCE_NAMES.has(name) ? "email" : null;
}

function paidChannel(medium: string, source: string): Channel {
  if (medium.includes("social")) return "paid_social";
  if (medium.includes("search")) return "paid_search";
  const kind = sourceKind(source);
  if (kind === "search") return "paid_search";
  return kind === "social" ? "paid_social" : "display";
}

/** Rules 1 to 3: what the landing URL's tags say, or null when they say nothing we know. */
function campaignChannel(campaign: CampaignTags): Channel | null {
  const clickId = text(campaign.click_id_param);
  const medium = text(campaign.medium);
  const source = text(campaign.source);
  if (SEARCH_AD_CLICK_IDS.has(clickId)) {
    if (medium.includes("social") || SOCIAL_MEDIUM.test(medium) || sourceKind(source) === "social") return "paid_social";
    return DISPLAY_MEDIUM.test(medium) ? "display" : "paid_search";
  }
  if (SOCIAL_AD_CLICK_IDS.has(clickId)) return "paid_social";
  if (PAID_MEDIUM.test(medium)) return paidChannel(medium, source);
  if (DISPLAY_MEDIUM.test(medium)) return "display";
  if (EMAIL_MEDIUM.test(medium)) return "email";
  if (AFFILIATE_MEDIUM.test(medium)) return "affiliate";
  if (SOCIAL_MEDIUM.test(medium)) return "organic_social";
  if (ORGANIC_MEDIUM.test(medium)) return "organic_search";
  if (REFERRAL_MEDIUM.test(medium)) return "referral";
  switch (sourceKind(source)) {
    case "search":
      return "organic_search";
    case "social":
      return "organic_social";
    case "email":
      return "email";
    default:
      return null;
  }
}

function parseUrl(value: string | null): URL | null {
  if (value === null || value === "") return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function withoutWww(host: string): string {
  return host.startsWith("www.") ? host.slice(4) : host;
}

function isShopHost(host: string, input: ChannelInput): boolean {
  const referrer = withoutWww(host);
  const own = (shopHost: string): boolean => {
    const shop = withoutWww(normalHost(shopHost));
    return shop !== "" && (referrer === shop || referrer.endsWith(`.${shop}`));
  };
  const landing = parseUrl(input.landingUrl);
  return (landing !== null && own(landing.hostname)) || (input.shopHosts ?? []).some(own);
}

/** Rule 4: where the referrer is, or null without a usable one. */
function referrerChannel(input: ChannelInput): Channel | null {
  const referrer = parseUrl(input.referrer);
  if (referrer === null) return null;
  const host = normalHost(referrer.hostname);
  if (host === "") return null;
  if (referrer.protocol === "android-app:") {
    if (SEARCH_APPS.has(host)) return "organic_search";
    return SOCIAL_APPS.has(host) ? "organic_social" : "referral";
  }
  if (referrer.protocol !== "http:" && referrer.protocol !== "https:") return null;
  if (isShopHost(host, input)) return "internal";
  switch (hostKind(host)) {
    case "search":
      return "organic_search";
    case "social":
      return "organic_social";
    default:
      return "referral";
  }
}

/**
 * The channel of a visit: the one written definition, modelled on GA4's default channel
 * grouping. The first rule that applies decides, comparing case-insensitively. (1) An ad click
 * id: gclid, gbraid, wbraid, dclid or msclkid is paid_search, or paid_social when utm_medium or
 * utm_source says social, or display when utm_medium says display; fbclid, ttclid, li_fat_id
 * or twclid is paid_social. (2) utm_medium: a paid medium (cpc, ppc, retargeting, paid…) is
 * paid_social when it says social, paid_search when it says search, else by utm_source:
 * paid_search for a search engine, paid_social for a social site, otherwise display; display,
 * banner, expandable, interstitial or cpm is display; email, e-mail, e_mail or newsletter is
 * email; affiliate(s) is affiliate; social…, sm or organic_social is organic_social; organic
 * is organic_search; referral, link or app is referral. (3) utm_source alone: a search engine
 * is organic_search, a social site organic_social, email or newsletter email. (4) The
 * referrer's host: the shop's own (the landing URL's host or one of shopHosts, with or without
 * www., or under them) is internal, a session that goes on after a pause; a search engine is
 * organic_search; a social site organic_social; any other host referral. Search engines and
 * social sites are the lists in channel-hosts.ts, matched on the host's domain (google.* is any
 * Google top-level domain; m.facebook.com is under facebook.com). A referrer that is not an
 * http(s) URL counts as none, except an Android app's (android-app://package). (5) Otherwise
 * direct. Tags the rules do not know (utm_medium=foo) fall through to the referrer.
 */
export function classifyChannel(input: ChannelInput): Channel {
  const fromCampaign = input.campaign === null ? null : campaignChannel(input.campaign);
  return fromCampaign ?? referrerChannel(input) ?? "direct";
}
