import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { z } from "zod";
import { throwawayPostgres } from "../dev/testing/local-parts.ts";
import { PrismaClient } from "../lib/db/generated/client.ts";
import { migrateShop } from "../lib/db/migrations.ts";
import { closeMatches, searchProducts } from "../lib/search/queries.ts";
import { cleanSearchText } from "../lib/search/search-query.ts";
import { buildCatalog } from "../prisma/seed/catalog.ts";
import { mulberry32 } from "../prisma/seed/random.ts";
import { seedCatalog } from "../prisma/seed.ts";
import { percentile } from "./support/percentile.ts";

// Search latency over a large catalog, as a ratio against two baselines measured in the same
// run on the same database: a primary-key lookup of one product (the floor of any query
// through Prisma) and a plain `name ILIKE '%word%'` scan (the naive search).
// Usage: npx tsx bench/search.bench.ts [products] [queries]
const totalProducts = Number(process.argv[2] ?? 50_000);
const totalQueries = Number(process.argv[3] ?? 300);

const random = mulberry32(20_251_128);
const pick = <T>(items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
};

const EDITIONS = ["Pro", "Max", "Lite", "Plus", "Ultra", "Mini", "SE", "Elite", "Prime", "Neo", "Studio", "Creator"];
const COLOURS = ["Black", "White", "Silver", "Midnight", "Graphite", "Arctic", "Crimson", "Sand", "Ocean", "Forest"];
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** A product name like a seed one, with an edition, colour, year and model code of its own. */
function syntheticName(base: string, index: number): string {
  const code = `${pick([..."KMRTVXZ"])}${100 + (index % 900)}${pick(["", "A", "B", "C"])}`;
  return `${base} ${pick(EDITIONS)} ${pick(COLOURS)} ${2019 + (index % 8)} ${code}`;
}

/** One edit a typist makes: a letter dropped, doubled, swapped with the next, or mistyped. */
function misspell(word: string): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  switch (Math.floor(random() * 4)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + (word[at] ?? "") + word.slice(at);
    case 2:
      return word.slice(0, at) + (word[at + 1] ?? "") + (word[at] ?? "") + word.slice(at + 2);
    default:
      return word.slice(0, at) + pick([...LETTERS]) + word.slice(at + 1);
  }
}

type QueryKind = "exact name" | "brand" | "category" | "prefix" | "typo" | "words" | "nonsense";

/** Varied queries drawn from the seed catalog: what shoppers type, misspellings included. */
function benchQueries(count: number): { kind: QueryKind; text: string }[] {
  const catalog = buildCatalog();
  const names = catalog.products.map((product) => product.name);
  const wordsOf = (name: string) => name.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
  const longWords = [...new Set(names.flatMap(wordsOf))].filter((word) => /^\p{L}{5,}$/u.test(word));
  const makers: Record<QueryKind, { share: number; make: () => string }> = {
    "exact name": { share: 0.12, make: () => pick(names) },
    brand: { share: 0.1, make: () => pick(catalog.products).brand.toLowerCase() },
    category: { share: 0.06, make: () => pick(catalog.categories).name.toLowerCase() },
    prefix: {
      share: 0.2,
      make: () => {
        const [first = "", second = ""] = wordsOf(pick(names)).map((word) => word.toLowerCase());
        const typed = second.length > 2 ? second.slice(0, 2 + Math.floor(random() * (second.length - 2))) : first.slice(0, 3);
        return second.length > 2 ? `${first} ${typed}` : typed;
      },
    },
    typo: {
      share: 0.3,
      make: () => {
        const word = misspell(pick(longWords).toLowerCase());
        return random() < 0.5 ? word : `${word} ${pick(wordsOf(pick(names))).toLowerCase()}`;
      },
    },
    words: {
      share: 0.16,
      make: () => {
        const words = wordsOf(pick(names));
        return Array.from({ length: 2 }, () => pick(words)).join(" ").toLowerCase();
      },
    },
    nonsense: { share: 0.06, make: () => Array.from({ length: 9 }, () => pick([...LETTERS])).join("") },
  };
  const queries: { kind: QueryKind; text: string }[] = [];
  for (const [kind, { share, make }] of Object.entries(makers) as [QueryKind, (typeof makers)[QueryKind]][]) {
    for (let i = 0; i < Math.round(share * count); i += 1) queries.push({ kind, text: cleanSearchText(make()) });
  }
  return queries;
}

interface Timing {
  runs: number;
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
}

const round = (value: number) => Number(value.toFixed(3));

function summarize(ms: readonly number[]): Timing {
  const sorted = [...ms].sort((a, b) => a - b);
  return { runs: sorted.length, p50_ms: round(percentile(sorted, 0.5)), p95_ms: round(percentile(sorted, 0.95)), max_ms: round(sorted.at(-1) ?? Number.NaN) };
}

/** How long `run` takes, in milliseconds. */
async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

const seedRowSchema = z.object({
  name: z.string(),
  slug: z.string(),
  brand_id: z.number().int(),
  category_id: z.number().int(),
  price_cents: z.number().int(),
  description: z.string(),
});

const postgres = await throwawayPostgres("search_bench");
let prisma: PrismaClient | undefined;
try {
  await migrateShop(postgres.url);
  await seedCatalog(postgres.url);

  // Load: COPY the synthetic products in one statement, so the insert trigger builds all their
  // search documents in one pass.
  const sql = new pg.Client({ connectionString: postgres.url });
  await sql.connect();
  const seedRows = z
    .array(seedRowSchema)
    .parse((await sql.query("SELECT name, slug, brand_id, category_id, price_cents, description FROM product ORDER BY id")).rows);
  const escape = (value: string | number) => String(value).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n");
  const lines = Array.from({ length: totalProducts }, (_, index) => {
    const base = seedRows[index % seedRows.length];
    if (!base) throw new Error("no seed products");
    const price = Math.max(100, Math.round(base.price_cents * (0.8 + random() * 0.4)));
    return [`${base.slug}-b${index}`, `BENCH-${index}`, syntheticName(base.name, index), base.brand_id, base.category_id, price, random() < 0.8 ? 5 : 0, base.description]
      .map(escape)
      .join("\t") + "\n";
  });
  const started = performance.now();
  await pipeline(
    Readable.from(lines),
    sql.query(copyFrom("COPY product (slug, sku, name, brand_id, category_id, price_cents, stock, description) FROM STDIN")),
  );
  const loadSeconds = (performance.now() - started) / 1000;
  await sql.query("ANALYZE product; ANALYZE product_search; ANALYZE brand; ANALYZE category");
  const counts = z
    .object({ products: z.coerce.number(), documents: z.coerce.number() })
    .parse((await sql.query("SELECT (SELECT count(*) FROM product) AS products, (SELECT count(*) FROM product_search) AS documents")).rows[0]);
  await sql.end();
  if (counts.documents !== counts.products) throw new Error(`documents missing: ${JSON.stringify(counts)}`);

  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: postgres.url }) });
  const client = prisma;
  const queries = benchQueries(totalQueries);
  const ids = Array.from({ length: queries.length }, () => 1 + Math.floor(random() * counts.products));
  const firstWords = queries.map((query) => query.text.split(" ")[0] ?? "");

  const pkLookup = (id: number) =>
    client.$queryRaw`SELECT p.id, p.slug, p.sku, p.name, b.slug AS brand_slug, b.name AS brand_name, c.slug AS category_slug,
                            c.name AS category_name, p.price_cents, p.currency, p.stock
                       FROM product p JOIN brand b ON b.id = p.brand_id JOIN category c ON c.id = p.category_id
                      WHERE p.id = ${id}`;
  const ilikeScan = (word: string) =>
    client.$queryRaw`SELECT p.id, p.slug, p.sku, p.name, b.slug AS brand_slug, b.name AS brand_name, c.slug AS category_slug,
                            c.name AS category_name, p.price_cents, p.currency, p.stock, count(*) OVER () AS total
                       FROM product p JOIN brand b ON b.id = p.brand_id JOIN category c ON c.id = p.category_id
                      WHERE p.name ILIKE '%' || ${word} || '%'
                      ORDER BY p.name LIMIT 24`;
  const search = (text: string, pageSize: number) => searchProducts(client, text, { page: 1, pageSize });

  // Warm the connection pool, caches and plans, then measure.
  for (const [index, query] of queries.slice(0, 40).entries()) {
    await Promise.all([search(query.text, 24), pkLookup(ids[index] ?? 1), ilikeScan(firstWords[index] ?? "")]);
  }

  // Interleaved, so a slow patch of the machine (another process) hits every measurement alike.
  const pkMs: number[] = [];
  const ilikeMs: number[] = [];
  const searchMs: number[] = [];
  const suggestMs: number[] = [];
  const found: boolean[] = [];
  for (const [index, query] of queries.entries()) {
    pkMs.push(await timed(() => pkLookup(ids[index] ?? 1)));
    ilikeMs.push(await timed(() => ilikeScan(firstWords[index] ?? "")));
    searchMs.push(await timed(async () => found.push((await search(query.text, 24)).totalCount > 0)));
    suggestMs.push(await timed(() => search(query.text, 8)));
  }
  const didYouMeanMs: number[] = [];
  for (const query of queries.filter((_, index) => !found[index])) didYouMeanMs.push(await timed(() => closeMatches(client, query.text)));
  const pk = summarize(pkMs);
  const ilike = summarize(ilikeMs);
  const searchAll = summarize(searchMs);
  const byKind = Object.fromEntries(
    [...new Set(queries.map((query) => query.kind))].map((kind) => [kind, summarize(searchMs.filter((_, index) => queries[index]?.kind === kind))]),
  );
  const slowest = searchMs
    .map((ms, index) => ({ query: queries[index]?.text, ms: round(ms) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);

  const ratio = (a: number, b: number) => Number((a / b).toFixed(2));
  console.log(
    JSON.stringify(
      {
        products: counts.products,
        load_seconds_copy_with_trigger: Number(loadSeconds.toFixed(2)),
        queries: queries.length,
        queries_with_results: found.filter(Boolean).length,
        search_page_24: searchAll,
        suggest_8: summarize(suggestMs),
        search_by_kind: byKind,
        slowest_searches: slowest,
        did_you_mean_on_empty: summarize(didYouMeanMs),
        baseline_pk_lookup: pk,
        baseline_ilike_scan: ilike,
        search_vs_pk_lookup: { p50: ratio(searchAll.p50_ms, pk.p50_ms), p95: ratio(searchAll.p95_ms, pk.p95_ms) },
        search_vs_ilike_scan: { p50: ratio(searchAll.p50_ms, ilike.p50_ms), p95: ratio(searchAll.p95_ms, ilike.p95_ms) },
      },
      null,
      2,
    ),
  );
} finally {
  await prisma?.$disconnect();
  await postgres.stop();
}
