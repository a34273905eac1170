import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHANNELS, classifyChannel, type CampaignTags, type Channel, type ChannelInput } from "./channel.ts";

const LANDING = "https://shop.example/products/p-1?utm_source=x";

function visit(parts: Partial<ChannelInput> = {}): ChannelInput {
  return { referrer: null, landingUrl: LANDING, campaign: null, ...parts };
}
const tagged = (campaign: CampaignTags, referrer: string | null = null) => visit({ campaign, referrer });
const from = (referrer: string | null) => visit({ referrer });

type Case = [what: string, input: ChannelInput, expected: Channel];

const clickIdCases: Case[] = [
  ...["gclid", "gbraid", "wbraid", "dclid", "msclkid"].map((id): Case => [`${id}`, tagged({ click_id_param: id, click_id: "abc" }), "paid_search"]),
  ...["fbclid", "ttclid", "li_fat_id", "twclid"].map((id): Case => [`${id}`, tagged({ click_id_param: id, click_id: "abc" }), "paid_social"]),
  ["click id param in capitals", tagged({ click_id_param: "GCLID", click_id: "abc" }), "paid_search"],
  ["gclid, utm_source a social site", tagged({ click_id_param: "gclid", source: "facebook", medium: "cpc" }), "paid_social"],
  ["gclid, utm_medium paid_social", tagged({ click_id_param: "gclid", medium: "paid_social" }), "paid_social"],
  ["gclid, utm_medium social", tagged({ click_id_param: "gclid", medium: "social" }), "paid_social"],
  ["gclid, utm_medium display", tagged({ click_id_param: "gclid", source: "google", medium: "display" }), "display"],
  ["gclid before utm_medium email", tagged({ click_id_param: "msclkid", medium: "email" }), "paid_search"],
  ["gclid before a social referrer", tagged({ click_id_param: "gclid" }, "https://m.facebook.com/"), "paid_search"],
  ["fbclid before utm_medium email", tagged({ click_id_param: "fbclid", medium: "email", source: "newsletter" }), "paid_social"],
  ["fbclid before a search referrer", tagged({ click_id_param: "fbclid" }, "https://www.google.com/"), "paid_social"],
  ["an unknown click id says nothing", tagged({ click_id_param: "yclid", click_id: "abc" }, "https://www.bing.com/"), "organic_search"],
];

const mediumCases: Case[] = [
  ["cpc from google", tagged({ source: "google", medium: "cpc" }), "paid_search"],
  ["CPC from Google, any case", tagged({ source: " Google ", medium: "CPC" }), "paid_search"],
  ["ppc from bing", tagged({ source: "bing", medium: "ppc" }), "paid_search"],
  ["paid from a search host", tagged({ source: "www.google.co.uk", medium: "paid" }), "paid_search"],
  ["paid from google_ads", tagged({ source: "google_ads", medium: "paid" }), "paid_search"],
  ["cpc from facebook", tagged({ source: "facebook", medium: "cpc" }), "paid_social"],
  ["paid from ig", tagged({ source: "ig", medium: "paid" }), "paid_social"],
  ["cpc from a social host", tagged({ source: "l.facebook.com", medium: "cpc" }), "paid_social"],
  ["paidsearch from anywhere", tagged({ source: "partner", medium: "paidsearch" }), "paid_search"],
  ["paid_social from anywhere", tagged({ source: "partner", medium: "paid_social" }), "paid_social"],
  ["paid-social without a source", tagged({ medium: "paid-social" }), "paid_social"],
  ["cpc from an unknown network", tagged({ source: "criteo", medium: "cpc" }), "display"],
  ["retargeting without a source", tagged({ medium: "retargeting" }), "display"],
  ...["display", "banner", "cpm", "interstitial", "expandable"].map((medium): Case => [`${medium}`, tagged({ source: "news-site", medium }), "display"]),
  // Not a paid medium by the rules above, so the search source does not make it paid search.
  ["cpm from google", tagged({ source: "google", medium: "cpm" }), "display"],
  ...["email", "E-Mail", "e_mail", "e mail", "newsletter"].map((medium): Case => [`${medium}`, tagged({ source: "spring-sale", medium }), "email"]),
  ...["affiliate", "Affiliates"].map((medium): Case => [`${medium}`, tagged({ source: "deals-blog", medium }), "affiliate"]),
  ...["social", "social-network", "Social Media", "sm", "organic_social"].map((medium): Case => [`${medium}`, tagged({ source: "forum", medium }), "organic_social"]),
  ["organic", tagged({ source: "google", medium: "organic" }), "organic_search"],
  ["organic from a non-search source", tagged({ source: "partner", medium: "organic" }), "organic_search"],
  ["referral", tagged({ source: "partner", medium: "referral" }), "referral"],
  ["utm_medium before the referrer", tagged({ medium: "email" }, "https://www.google.com/"), "email"],
  ["utm_medium before an own-host referrer", tagged({ medium: "social", source: "x" }, "https://shop.example/cart"), "organic_social"],
];

const sourceCases: Case[] = [
  ["source google alone", tagged({ source: "google" }), "organic_search"],
  ["source DuckDuckGo alone", tagged({ source: "DuckDuckGo" }), "organic_search"],
  ["source facebook alone", tagged({ source: "facebook" }), "organic_social"],
  ["source t.co alone", tagged({ source: "t.co" }), "organic_social"],
  ["source newsletter alone", tagged({ source: "newsletter" }), "email"],
  ["source google, unknown medium", tagged({ source: "google", medium: "foo" }), "organic_search"],
  ["source before the referrer", tagged({ source: "linkedin" }, "https://www.bing.com/"), "organic_social"],
  ["unknown source and medium: the referrer decides", tagged({ source: "partner", medium: "foo" }, "https://www.bing.com/"), "organic_search"],
  ["unknown source and medium, no referrer", tagged({ source: "partner", medium: "foo", name: "spring" }), "direct"],
  ["source mail.google.com is no search", tagged({ source: "mail.google.com" }), "direct"],
];

const referrerCases: Case[] = [
  ...[
    "https://www.google.com/",
    "https://www.google.co.uk/search?q=laptop",
    "https://google.de/",
    "https://www.google.com.br/",
    "https://WWW.GOOGLE.FR./",
    "https://www.bing.com/search?q=x",
    "https://cn.bing.com/",
    "https://duckduckgo.com/",
    "https://search.yahoo.com/",
    "https://r.search.yahoo.com/_ylt=abc",
    "https://yandex.ru/search/",
    "https://www.baidu.com/link?url=abc",
    "https://www.ecosia.org/",
    "https://www.startpage.com/",
    "https://www.qwant.com/",
    "https://search.brave.com/search?q=x",
    "android-app://com.google.android.googlequicksearchbox/https/www.google.com",
  ].map((referrer): Case => [referrer, from(referrer), "organic_search"]),
  ...[
    "https://m.facebook.com/",
    "https://l.facebook.com/l.php?u=x",
    "https://lm.facebook.com/",
    "https://www.facebook.com/groups/1",
    "https://www.instagram.com/",
    "https://t.co/abc",
    "https://x.com/someone/status/1",
    "https://twitter.com/",
    "https://www.linkedin.com/feed/",
    "https://lnkd.in/abc",
    "https://old.reddit.com/r/buildapc/",
    "https://www.youtube.com/watch?v=1",
    "https://www.tiktok.com/",
    "https://www.pinterest.co.uk/pin/1",
    "https://news.ycombinator.com/item?id=1",
    "android-app://com.instagram.android",
  ].map((referrer): Case => [referrer, from(referrer), "organic_social"]),
  ...[
    "https://mail.google.com/mail/u/0/",
    "https://docs.google.com/document/d/1",
    "https://notgoogle.com/",
    "https://google.evil.example/",
    "https://www.facebook.com.evil.example/",
    "https://myfacebook.com/",
    "https://x.company/",
    "https://www.tomshardware.com/reviews/x",
    "https://bücher.example/",
    "android-app://com.example.reader",
    "https://shop.example.evil.test/",
    "https://evilshop.example/",
  ].map((referrer): Case => [referrer, from(referrer), "referral"]),
  ["the landing URL's own host", from("https://shop.example/products/p-2"), "internal"],
  ["the landing host with www.", from("https://www.shop.example/"), "internal"],
  ["a host under the landing host", from("https://blog.shop.example/post"), "internal"],
  ["the landing host on another port", visit({ landingUrl: "http://localhost:3000/", referrer: "http://localhost:3001/" }), "internal"],
  ["an IPv6 landing host", visit({ landingUrl: "http://[::1]:3000/", referrer: "http://[::1]:3000/cart" }), "internal"],
  ["one of shopHosts", visit({ referrer: "https://checkout.compushop.test/pay", shopHosts: ["compushop.test"] }), "internal"],
  ["shopHosts given with a port and capitals", visit({ referrer: "https://shop.test/", shopHosts: ["SHOP.test:8443"] }), "internal"],
  ["shopHosts when the landing URL is bad", visit({ landingUrl: "%%%", referrer: "https://shop.test/", shopHosts: ["shop.test"] }), "internal"],
  ["no referrer", from(null), "direct"],
  ["an empty referrer", from(""), "direct"],
];

const garbageCases: Case[] = [
  ...["not a url", "http://", "://", "//www.google.com/", "javascript:alert(1)", "about:blank", "file:///etc/passwd", "data:text/html,hi", "https://exa mple.com/", "\u0000", "x".repeat(5_000)].map(
    (referrer): Case => [`referrer ${JSON.stringify(referrer.slice(0, 24))}`, from(referrer), "direct"],
  ),
  ["a bad landing URL and an outside referrer", visit({ landingUrl: "%%%", referrer: "https://shop.example/" }), "referral"],
  ["no landing URL", visit({ landingUrl: null, referrer: "https://www.google.com/" }), "organic_search"],
  ["an empty campaign", tagged({}), "direct"],
  ["blank tags", tagged({ source: " ", medium: "", click_id_param: "" }), "direct"],
  ["an empty shop host matches nothing", visit({ referrer: "https://blog.example/", shopHosts: ["", "www."] }), "referral"],
  ["tags that are not strings", tagged({ source: 42, medium: ["cpc"], click_id_param: null } as unknown as CampaignTags), "direct"],
];

const allCases = [...clickIdCases, ...mediumCases, ...sourceCases, ...referrerCases, ...garbageCases];

describe("classifyChannel", () => {
  describe("1. ad click ids", () => it.each(clickIdCases)("%s", (_, input, expected) => expect(classifyChannel(input)).toBe(expected)));
  describe("2. utm_medium", () => it.each(mediumCases)("%s", (_, input, expected) => expect(classifyChannel(input)).toBe(expected)));
  describe("3. utm_source alone", () => it.each(sourceCases)("%s", (_, input, expected) => expect(classifyChannel(input)).toBe(expected)));
  describe("4. the referrer", () => it.each(referrerCases)("%s", (_, input, expected) => expect(classifyChannel(input)).toBe(expected)));
  describe("garbage", () => it.each(garbageCases)("%s", (_, input, expected) => expect(classifyChannel(input)).toBe(expected)));

  it("has cases for every channel", () => {
    expect(new Set(allCases.map(([, , expected]) => expected))).toEqual(new Set(CHANNELS));
  });

  it("answers the same on a second call (its host cache changes nothing)", () => {
    for (const [, input, expected] of allCases) expect(classifyChannel(input)).toBe(expected);
  });

  it("never throws and always names a channel, whatever it is given", () => {
    const text = fc.option(fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true }), fc.domain()), { nil: null });
    const tag = fc.option(fc.oneof(fc.string(), fc.constantFrom("cpc", "email", "gclid", "fbclid", "google", "facebook.com")), { nil: undefined });
    const campaign = fc.option(fc.record({ source: tag, medium: tag, name: tag, click_id_param: tag }), { nil: null });
    fc.assert(
      fc.property(text, text, campaign, fc.array(fc.string(), { maxLength: 3 }), (referrer, landingUrl, tags, shopHosts) => {
        expect(CHANNELS).toContain(classifyChannel({ referrer, landingUrl, campaign: tags, shopHosts }));
      }),
      { numRuns: 2_000 },
    );
  });
});
