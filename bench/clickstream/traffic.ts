import type { Campaign } from "../../lib/tracking/schema.ts";
import type { Prng } from "./prng.ts";

/** Where visitors come from and what they browse with: user agents, bots, networks, campaigns. */

export const SHOP_ORIGIN = "https://www.compushop.example";
export const SERVER_USER_AGENT = "node";
/** The shop's server as the ingest sees it (its address cut to /24). */
export const SERVER_CLIENT_IP = "10.20.30.0";

const BROWSERS: ReadonlyArray<readonly [(version: number) => string, number]> = [
  [(v) => `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36`, 34],
  [(v) => `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36 Edg/${v}.0.0.0`, 6],
  [(v) => `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/${17 + (v % 2)}.${v % 6} Safari/605.1.15`, 10],
  [(v) => `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36`, 8],
  [(v) => `Mozilla/5.0 (iPhone; CPU iPhone OS 17_${v % 7} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.${v % 7} Mobile/15E148 Safari/604.1`, 20],
  [(v) => `Mozilla/5.0 (Linux; Android 14; SM-S91${v % 10}B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Mobile Safari/537.36`, 16],
  [(v) => `Mozilla/5.0 (X11; Linux x86_64; rv:${v}.0) Gecko/20100101 Firefox/${v}.0`, 4],
  [(v) => `Mozilla/5.0 (iPad; CPU OS 17_${v % 7} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.${v % 7} Mobile/15E148 Safari/604.1`, 2],
];

export type BotKind = "googlebot" | "bingbot" | "headless";

const BOT_AGENTS: Record<BotKind, (version: number) => string> = {
  googlebot: (v) =>
    `Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)`,
  bingbot: (v) => `Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/${v}.0.0.0 Safari/537.36`,
  headless: (v) => `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/${v}.0.0.0 Safari/537.36`,
};

export function browserUserAgent(random: Prng): string {
  return random.weighted(BROWSERS)(random.int(124, 131));
}

export function botUserAgent(random: Prng, kind: BotKind): string {
  return BOT_AGENTS[kind](random.int(124, 131));
}

/** A client address as the ingest keeps it: IPv4 cut to /24, IPv6 to /48. */
export function clientIp(random: Prng, kind: BotKind | null): string {
  if (kind === "googlebot") return `66.249.${random.int(64, 79)}.0`;
  if (kind === "bingbot") return `157.55.${random.int(0, 63)}.0`;
  if (random.chance(0.15)) return `2a02:${random.int(0x1000, 0xffff).toString(16)}:${random.int(0, 0xffff).toString(16)}::`;
  return `${random.int(23, 223)}.${random.int(0, 255)}.${random.int(0, 255)}.0`;
}

export type Channel = "direct" | "organic_google" | "organic_bing" | "paid_google" | "email" | "social" | "paid_social" | "referral";

/** How a session arrives: its referrer, the landing URL's query and the campaign the tracker reads from it. */
export interface Arrival {
  channel: Channel;
  referrer: string | null;
  query: string;
  campaign: Campaign | undefined;
}

const NEW_VISITOR_CHANNELS: ReadonlyArray<readonly [Channel, number]> = [
  ["direct", 24], ["organic_google", 28], ["organic_bing", 4], ["paid_google", 14], ["email", 3], ["social", 10], ["paid_social", 6], ["referral", 11],
];
const RETURNING_CHANNELS: ReadonlyArray<readonly [Channel, number]> = [
  ["direct", 45], ["organic_google", 18], ["organic_bing", 2], ["paid_google", 8], ["email", 15], ["social", 5], ["paid_social", 2], ["referral", 5],
];

const CAMPAIGNS = ["black-friday", "gpu-launch", "back-to-school", "spring-sale", "brand-search"];
const SOCIAL_REFERRERS = ["https://www.facebook.com/", "https://t.co/", "https://www.reddit.com/", "https://l.instagram.com/", "https://www.youtube.com/"];
const REFERRERS = ["https://www.tomshardware.com/reviews/", "https://www.pcgamer.com/hardware/", "https://forums.anandtech.com/threads/", "https://www.rtings.com/monitor/"];

const clickId = (random: Prng) => Array.from({ length: 4 }, () => random.uint32().toString(36)).join("");

export function arrival(random: Prng, returning: boolean): Arrival {
  const channel = random.weighted(returning ? RETURNING_CHANNELS : NEW_VISITOR_CHANNELS);
  const name = random.pick(CAMPAIGNS);
  switch (channel) {
    case "direct":
      return { channel, referrer: null, query: "", campaign: undefined };
    case "organic_google":
      return { channel, referrer: "https://www.google.com/", query: "", campaign: undefined };
    case "organic_bing":
      return { channel, referrer: "https://www.bing.com/", query: "", campaign: undefined };
    case "paid_google": {
      const id = clickId(random);
      return {
        channel,
        referrer: "https://www.google.com/",
        query: `?utm_source=google&utm_medium=cpc&utm_campaign=${name}&gclid=${id}`,
        campaign: { source: "google", medium: "cpc", name, click_id_param: "gclid", click_id: id },
      };
    }
    case "email":
      return {
        channel,
        referrer: null,
        query: `?utm_source=newsletter&utm_medium=email&utm_campaign=${name}`,
        campaign: { source: "newsletter", medium: "email", name },
      };
    case "social":
      return { channel, referrer: random.pick(SOCIAL_REFERRERS), query: "", campaign: undefined };
    case "paid_social": {
      const id = clickId(random);
      return {
        channel,
        referrer: "https://www.facebook.com/",
        query: `?utm_source=facebook&utm_medium=paid_social&utm_campaign=${name}&fbclid=${id}`,
        campaign: { source: "facebook", medium: "paid_social", name, click_id_param: "fbclid", click_id: id },
      };
    }
    case "referral":
      return { channel, referrer: `${random.pick(REFERRERS)}${random.int(1000, 99999)}`, query: "", campaign: undefined };
  }
}
