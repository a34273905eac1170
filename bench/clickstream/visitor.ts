import type { Geo } from "../../lib/tracking/schema.ts";
import { visitorAudience, type Audience } from "./audience.ts";
import { Prng } from "./prng.ts";
import { botUserAgent, browserUserAgent, clientIp, type BotKind } from "./traffic.ts";
import type { CartLine } from "./session-recorder.ts";

/** One browser (one tracker cookie `cs_aid`) over its visits, with what the simulation must remember. */
export interface Visitor {
  /** This visitor's own numbers: the same whatever else is simulated around it. */
  random: Prng;
  anonymousId: string;
  bot: BotKind | null;
  userAgent: string;
  clientIp: string;
  /** Where the ingest places it (null: unknown to the lookup). */
  geo: Geo | null;
  /** Its browser's language, time zone, screen and viewport (none for crawlers). */
  audience: Audience | null;
  /** How far the device's clock is off (occurred_at and sent_at carry it; derived_at corrects it). */
  clockSkewMs: number;
  /** The tracker's last `seq`: the next event gets one more, lost or not. */
  seq: number;
  /** Has an account to sign in to (else may sign up at checkout). */
  hasAccount: boolean;
  /** The account's Cognito `sub`, should it have or make one. */
  accountId: string;
  /** The verified sign-in, once signed in; it stays for later visits. */
  userId: string | null;
  sessionsLeft: number;
  sessionsDone: number;
  /** The server-side cart, kept between visits. */
  cart: CartLine[];
  /** Lost events since its last delivered one: they become gaps once a later event arrives. */
  lostPending: number;
  /** Counted in the summary (has a delivered event). */
  counted: boolean;
  identified: boolean;
}

const HOUR = 3_600_000;

function clockSkew(random: Prng): number {
  const kind = random.weighted([["exact", 88], ["minutes", 10], ["hours", 2]] as const);
  const sign = random.chance(0.5) ? 1 : -1;
  if (kind === "exact") return Math.round(random.next() * 3_000 * sign);
  if (kind === "minutes") return sign * random.int(60_000, 15 * 60_000);
  return sign * random.int(HOUR, 26 * HOUR);
}

export function newVisitor(random: Prng): Visitor {
  const bot = random.weighted<BotKind | null>([[null, 92], ["googlebot", 3.5], ["bingbot", 2], ["headless", 2.5]]);
  // Crawlers keep no cookies: every crawl is a new visitor with one visit.
  const returning = bot === null && random.chance(0.38);
  const anonymousId = random.uuidV4();
  const userAgent = bot === null ? browserUserAgent(random) : botUserAgent(random, bot);
  return {
    random,
    anonymousId,
    bot,
    userAgent,
    clientIp: clientIp(random, bot),
    // From a stream of its own (seeded by the visitor's id), so the rest of the visitor's
    // numbers are the same with or without it.
    ...visitorAudience(new Prng(Number.parseInt(anonymousId.slice(0, 8), 16)), bot, userAgent),
    clockSkewMs: bot === null ? clockSkew(random) : random.int(-500, 500),
    seq: 0,
    hasAccount: bot === null && random.chance(returning ? 0.45 : 0.15),
    accountId: random.uuidV4(),
    userId: null,
    sessionsLeft: returning ? 2 + Math.min(6, Math.floor(random.exponential(1.3))) : 1,
    sessionsDone: 0,
    cart: [],
    lostPending: 0,
    counted: false,
    identified: false,
  };
}

/** Time from the end of one visit to the start of the next: always more than the 30 idle minutes that end a session. */
export function timeToNextSession(random: Prng): number {
  const span = random.weighted([["hours", 35], ["days", 45], ["week", 20]] as const);
  if (span === "hours") return random.int(HOUR, 8 * HOUR);
  if (span === "days") return random.int(8 * HOUR, 72 * HOUR);
  return random.int(72 * HOUR, 7 * 24 * HOUR);
}
