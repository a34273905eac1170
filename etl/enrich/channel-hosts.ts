/*
 * Who sends traffic, as data for channel.ts. Hosts match by domain suffix: "bing.com" is
 * bing.com and any host under it (cn.bing.com); "google.*" is google under any top-level
 * domain, a two-part one included (google.de, www.google.co.uk, google.com.br). All lowercase.
 */

/** Search engines. Their mail, documents and the like are in NOT_SEARCH_HOSTS. */
export const SEARCH_HOSTS: readonly string[] = [
  "google.*",
  "bing.com",
  "yahoo.*",
  "duckduckgo.com",
  "baidu.com",
  "yandex.*",
  "ya.ru",
  "ecosia.org",
  "startpage.com",
  "qwant.com",
  "search.brave.com",
  "kagi.com",
  "mojeek.com",
  "search.naver.com",
  "search.daum.net",
  "seznam.cz",
  "sogou.com",
  "so.com",
  "ask.com",
  "search.aol.com",
  "metager.org",
  "metager.de",
  "swisscows.com",
  "presearch.com",
];

/** Hosts under a search engine's domain that are no search: a link from them is a referral. */
export const NOT_SEARCH_HOSTS: readonly string[] = [
  "mail.google.com",
  "accounts.google.com",
  "docs.google.com",
  "drive.google.com",
  "sites.google.com",
  "groups.google.com",
  "calendar.google.com",
  "mail.yahoo.com",
  "mail.yandex.ru",
  "mail.yandex.com",
];

/** Social networks, video sites and messengers (Mastodon instances cannot be listed). */
export const SOCIAL_HOSTS: readonly string[] = [
  "facebook.com",
  "fb.com",
  "fb.me",
  "messenger.com",
  "instagram.com",
  "threads.net",
  "threads.com",
  "twitter.com",
  "x.com",
  "t.co",
  "linkedin.com",
  "lnkd.in",
  "reddit.com",
  "redd.it",
  "youtube.com",
  "youtu.be",
  "tiktok.com",
  "pinterest.*",
  "pin.it",
  "snapchat.com",
  "tumblr.com",
  "bsky.app",
  "news.ycombinator.com",
  "quora.com",
  "discord.com",
  "twitch.tv",
  "vk.com",
  "ok.ru",
  "weibo.com",
  "whatsapp.com",
  "wa.me",
  "t.me",
  "line.me",
  "xing.com",
];

/** utm_source names (lowercased, without spaces, "-" or "_") of search engines and their ads. A source
 * with a dot in it ("google.com", "m.facebook.com") is matched as a host instead. */
export const SEARCH_SOURCE_NAMES: ReadonlySet<string> = new Set([
  "google", "googleads", "adwords", "bing", "bingads", "microsoftads", "yahoo", "duckduckgo", "baidu",
  "yandex", "ecosia", "startpage", "qwant", "brave", "bravesearch", "kagi", "naver", "daum", "seznam",
  "sogou", "ask",
]);

/** utm_source names, normalized as above, of social networks and their ads. */
export const SOCIAL_SOURCE_NAMES: ReadonlySet<string> = new Set([
  "facebook", "fb", "meta", "metaads", "facebookads", "instagram", "ig", "threads", "twitter", "x",
  "linkedin", "reddit", "youtube", "tiktok", "tiktokads", "pinterest", "snapchat", "tumblr", "bluesky",
  "bsky", "hackernews", "quora", "discord", "twitch", "vk", "weibo", "whatsapp", "messenger", "telegram",
  "line", "xing",
]);

/** utm_source names, normalized as above, that say the link was in an email. */
export const EMAIL_SOURCE_NAMES: ReadonlySet<string> = new Set(["email", "mail", "newsletter"]);

/** Android apps by package, as Chrome names them in an android-app:// referrer. */
export const SEARCH_APPS: ReadonlySet<string> = new Set(["com.google.android.googlequicksearchbox"]);

export const SOCIAL_APPS: ReadonlySet<string> = new Set([
  "com.facebook.katana", "com.facebook.lite", "com.facebook.orca", "com.instagram.android",
  "com.twitter.android", "com.linkedin.android", "com.reddit.frontpage", "com.pinterest",
  "com.zhiliaoapp.musically", "com.ss.android.ugc.trill", "com.google.android.youtube",
  "com.snapchat.android", "org.telegram.messenger", "com.whatsapp",
]);
