import { popularProduct, searchCatalog, type Catalog, type CatalogProduct } from "./catalog.ts";
import type { Prng } from "./prng.ts";

export interface SearchOutcome {
  query: string;
  results: CatalogProduct[];
}

// Misspellings the shop's trigram fallback still matches, with what it matches them as.
const TYPOS: ReadonlyArray<readonly [string, string]> = [
  ["thinkpd", "thinkpad"], ["geforse rtx", "geforce rtx"], ["samsng ssd", "samsung ssd"], ["logitec mouse", "logitech mice"],
  ["ryzn 7", "ryzen 7"], ["macbok", "macbook"], ["ultrasharp 4k", "ultrasharp 4k"],
];
// Things the shop does not sell: searches with no results.
const NOTHING = ["printer ink", "ps5 controller", "iphone 15 case", "office chair", "smart watch", "webcam cover", "vr headset", "tablet stylus"];

/** What a shopper types, and what the shop finds for it. */
export function searchQuery(random: Prng, catalog: Catalog): SearchOutcome {
  const kind = random.weighted([["product", 72], ["category", 8], ["typo", 9], ["nothing", 11]] as const);
  if (kind === "nothing") return { query: random.pick(NOTHING), results: [] };
  if (kind === "typo") {
    const [typed, meant] = random.pick(TYPOS);
    return { query: typed, results: searchCatalog(catalog, meant) };
  }
  if (kind === "category") {
    const category = random.pick(catalog.categories);
    return { query: category, results: catalog.byCategory.get(category) ?? [] };
  }
  // Some words of a product people look for: "asus rtx", "dell ultrasharp 27".
  const product = popularProduct(random, catalog);
  const words = product.words.slice(0, -1);
  const start = random.int(0, Math.max(0, words.length - 2));
  const query = words.slice(start, start + random.int(1, 3)).join(" ");
  return { query, results: searchCatalog(catalog, query) };
}
