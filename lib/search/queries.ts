import { z } from "zod";
import { toProductSummary } from "@/lib/catalog/mappers.ts";
import { Prisma, type PrismaClient } from "@/lib/db/generated/client.ts";
import { fullTextPlan, wordByWordPlan, type ClassifiedTerm, type MatchPlan } from "./match-plan.ts";
import { clampPage, pageOffset, totalPagesFor } from "./pagination.ts";
import { searchTerms, searchWords, type SearchTerm } from "./search-words.ts";
import { DEFAULT_SEARCH_SORT, type SearchSort } from "./search-sort.ts";
import type { SearchResultPage } from "./types.ts";

/**
 * The SQL of product search, over `product_search` (see prisma/migrations/…_product-search.sql):
 * each product's weighted tsvector `document` and its `trigram_text` (brand, name, category).
 * Every value is a bind parameter. The functions take the Prisma client to run on, so tests and
 * the benchmark can point them at a database of their own; the shop's pages call them through
 * shop-search.ts. Which words match how: match-plan.ts.
 *
 * Ranking (higher first), from signals cheap enough to compute for every match:
 *   2 when the query is the product's whole name
 *   + 1 when the query's words stand in a row in the name ("rtx 50" in "… RTX 5080 …")
 *   + ts_rank of the known words (name weight A 1.0 > brand, category B 0.4 > description C 0.2)
 *   + word_similarity of each misspelt word to the brand, name and category (0.5 to 1)
 * then by brand and name. The other sorts (RANKED_ORDER) order the same matches by a column of
 * the product instead.
 */

export type SearchClient = Pick<PrismaClient, "$queryRaw" | "$transaction">;

/** How similar a misspelt word must be to a word of a product (pg_trgm's word_similarity). */
const TYPO_SIMILARITY = 0.5;
/** How similar a query must be to a product to offer its name as "did you mean". */
const CLOSE_MATCH_SIMILARITY = 0.3;
/** How much of a brand's name must appear in a query to offer the brand as "did you mean". */
const BRAND_IN_QUERY_SIMILARITY = 0.5;

const classifiedRowsSchema = z.array(
  z.object({ ord: z.number().int(), stopWord: z.boolean(), known: z.boolean() }),
);

const resultRowsSchema = z.array(
  z.object({
    id: z.number().int(),
    slug: z.string(),
    sku: z.string(),
    name: z.string(),
    brandSlug: z.string(),
    brandName: z.string(),
    categorySlug: z.string(),
    categoryName: z.string(),
    priceCents: z.number().int(),
    compareAtPriceCents: z.number().int().nullable(),
    currency: z.string(),
    stock: z.number().int(),
    total: z.number().int(),
  }),
);

const countRowsSchema = z.array(z.object({ n: z.number().int() }));
const termRowsSchema = z.array(z.object({ term: z.string() }));

/**
 * Runs a query over `product_search` in a transaction with two settings of its own (SET LOCAL,
 * so they end with it):
 * - `<%` (and its trigram index) at TYPO_SIMILARITY rather than pg_trgm's default of 0.6, which
 *   misses one-letter typos in short words ("ryzn");
 * - no sequential scans. The planner prices `@@` and `<%` like an equality per row, so for a
 *   broad match it reads the whole table computing them for every product, where the GIN
 *   indexes hand it the candidates: 420 ms against 90 ms for one misspelt word matching 5,500
 *   of 50,000 products, 18 ms against 7 ms for a common word (bench/search.bench.ts data).
 */
async function withSearchSettings(client: SearchClient, sql: Prisma.Sql): Promise<unknown> {
  const [, rows] = await client.$transaction([
    client.$queryRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(TYPO_SIMILARITY)}, true),
                            set_config('enable_seqscan', 'off', true)`,
    client.$queryRaw<unknown>(sql),
  ]);
  return rows;
}

/**
 * Whether some product's document holds each word (as written, as a prefix for the last word,
 * or stemmed), and whether it is an English stop word. One probe per word, each with a constant
 * tsquery, through the GIN index (a typo's probe would otherwise read the whole table looking
 * for a first match).
 */
export async function classifySearchTerms(client: SearchClient, terms: readonly SearchTerm[]): Promise<ClassifiedTerm[]> {
  const probes = terms.map(
    (term, index) => Prisma.sql`
      SELECT ${index}::int AS ord, to_tsvector('english', ${term.word}) = ''::tsvector AS "stopWord",
             EXISTS (SELECT FROM product_search s
                      WHERE s.document @@ (to_tsquery('simple', ${term.operand}) || to_tsquery('english', ${term.operand}))) AS known`,
  );
  const rows = classifiedRowsSchema.parse(
    await withSearchSettings(client, Prisma.sql`SELECT * FROM (${Prisma.join(probes, " UNION ALL ")}) probes ORDER BY ord`),
  );
  return terms.map((term, index) => {
    const row = rows[index];
    if (row?.ord !== index) throw new Error(`search: no probe result for word ${index}`);
    return { ...term, stopWord: row.stopWord, known: row.known };
  });
}

/**
 * The full-text terms AND-ed into one tsquery, each as written or stemmed ('simple' and
 * 'english', as the document holds both). Words known not to be stop words make a constant the
 * planner can weigh against the trigram index; otherwise the stop words are left out here (NULL,
 * matching nothing, when nothing else is left).
 */
function fullTextQuery(plan: MatchPlan): Prisma.Sql {
  const term = (operand: string) => Prisma.sql`(to_tsquery('simple', ${operand}) || to_tsquery('english', ${operand}))`;
  if (!plan.mayHoldStopWords) return Prisma.sql`(${Prisma.join(plan.fullTextTerms.map((t) => term(t.operand)), " && ")})`;
  const { fullTextTerms: terms } = plan;
  return Prisma.sql`(
    SELECT string_agg(format('(%s)', (to_tsquery('simple', t.operand) || to_tsquery('english', t.operand))::text), ' & ')::tsquery
      FROM unnest(${terms.map((t) => t.word)}::text[], ${terms.map((t) => t.operand)}::text[]) AS t(word, operand)
     WHERE to_tsvector('english', t.word) <> ''::tsvector)`;
}

function matchWhere(plan: MatchPlan): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (plan.fullTextTerms.length > 0) conditions.push(Prisma.sql`s.document @@ ${fullTextQuery(plan)}`);
  for (const word of plan.fuzzyWords) conditions.push(Prisma.sql`${word} <% s.trigram_text`);
  return Prisma.join(conditions, " AND ");
}

function matchScore(plan: MatchPlan): Prisma.Sql {
  const parts: Prisma.Sql[] = [
    Prisma.sql`CASE WHEN s.name_words = ${plan.exactName} THEN 2 ELSE 0 END`,
    Prisma.sql`CASE WHEN s.document @@ to_tsquery('simple', ${plan.namePhrase}) THEN 1 ELSE 0 END`,
  ];
  // ts_rank's weights are listed {D, C, B, A}.
  if (plan.fullTextTerms.length > 0) parts.push(Prisma.sql`ts_rank('{0, 0.2, 0.4, 1}', s.document, ${fullTextQuery(plan)})`);
  for (const word of plan.fuzzyWords) parts.push(Prisma.sql`word_similarity(${word}, s.trigram_text)`);
  return Prisma.join(parts, " + ");
}

/**
 * How each sort orders the matches (`m`: product_id, trigram_text, score), the others through
 * their product (`p`). Every order ends on a unique key, so pages never overlap or skip a
 * product; the ties break as the listings' do (lib/catalog/listing-sql.ts).
 */
const RANKED_ORDER: Readonly<Record<SearchSort, Prisma.Sql>> = {
  relevance: Prisma.sql`m.score DESC, m.trigram_text, m.product_id`,
  "best-selling": Prisma.sql`p.units_sold DESC, p.id ASC`,
  newest: Prisma.sql`p.created_at DESC, p.id DESC`,
  "price-asc": Prisma.sql`p.price_cents ASC, p.id ASC`,
  "price-desc": Prisma.sql`p.price_cents DESC, p.id ASC`,
};

/**
 * What a sort orders: relevance the matches alone, the others joined to their product. Every
 * match has its product (product_search.product_id references it), so the count is the same.
 * Relevance skips the join: a lookup per match, it made relevance's 95th percentile a third
 * slower over 50,000 products (bench/search.bench.ts).
 */
const rankedFrom = (sort: SearchSort): Prisma.Sql =>
  sort === "relevance" ? Prisma.sql`matches m` : Prisma.sql`matches m JOIN product p ON p.id = m.product_id`;

function resultPageSql(plan: MatchPlan, sort: SearchSort, skip: number, take: number): Prisma.Sql {
  return Prisma.sql`
    WITH matches AS (
      SELECT s.product_id, s.trigram_text, ${matchScore(plan)} AS score
        FROM product_search s
       WHERE ${matchWhere(plan)}
    ), ranked AS (
      SELECT m.product_id, count(*) OVER () AS total,
             row_number() OVER (ORDER BY ${RANKED_ORDER[sort]}) AS position
        FROM ${rankedFrom(sort)}
       ORDER BY position
       LIMIT ${take} OFFSET ${skip}
    )
    SELECT p.id, p.slug, p.sku, p.name,
           b.slug AS "brandSlug", b.name AS "brandName", c.slug AS "categorySlug", c.name AS "categoryName",
           p.price_cents AS "priceCents", p.compare_at_price_cents AS "compareAtPriceCents", p.currency, p.stock, r.total::int AS total
      FROM ranked r
      JOIN product p ON p.id = r.product_id
      JOIN brand b ON b.id = p.brand_id
      JOIN category c ON c.id = p.category_id
     ORDER BY r.position`;
}

function matchCountSql(plan: MatchPlan): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS n FROM product_search s WHERE ${matchWhere(plan)}`;
}

type ResultRow = z.infer<typeof resultRowsSchema>[number];

/** Rows of one page of `plan`'s matches in `sort`'s order: `page`, or the last page when it is past the end. */
async function matchingPage(client: SearchClient, plan: MatchPlan, { page, pageSize, sort }: Required<SearchOptions>): Promise<{ page: number; rows: ResultRow[] }> {
  const run = (sql: Prisma.Sql) => withSearchSettings(client, sql);
  const rowsOf = async (target: number) => resultRowsSchema.parse(await run(resultPageSql(plan, sort, pageOffset(target, pageSize), pageSize)));
  const rows = await rowsOf(page);
  if (rows.length > 0 || page === 1) return { page, rows };
  const [counted] = countRowsSchema.parse(await run(matchCountSql(plan)));
  const last = clampPage(page, totalPagesFor(counted?.n ?? 0, pageSize));
  return { page: last, rows: await rowsOf(last) };
}

export interface SearchOptions {
  page: number;
  pageSize: number;
  /** Relevance (best first) when absent. */
  sort?: SearchSort;
}

/**
 * One page of products matching `query` (cleaned text, see search-query.ts), best first or in
 * `sort`'s order: every sort finds the same products, only their order differs. A page past the
 * end is clamped to the last one; a query without words matches nothing.
 */
export async function searchProducts(client: SearchClient, query: string, options: SearchOptions): Promise<SearchResultPage> {
  const { page, pageSize, sort = DEFAULT_SEARCH_SORT } = options;
  const empty: SearchResultPage = { query, sort, products: [], page: 1, pageSize, totalCount: 0, totalPages: 1, fuzzyWords: [] };
  const terms = searchTerms(searchWords(query));
  if (terms.length === 0) return empty;

  const wanted = Math.max(1, Math.floor(page));
  let plan: MatchPlan | null = fullTextPlan(query, terms);
  let found = await matchingPage(client, plan, { page: wanted, pageSize, sort });
  if (found.rows.length === 0) {
    plan = wordByWordPlan(query, await classifySearchTerms(client, terms));
    if (plan === null) return empty;
    found = await matchingPage(client, plan, { page: wanted, pageSize, sort });
  }
  const totalCount = found.rows[0]?.total ?? 0;
  if (totalCount === 0) return empty;

  return {
    query,
    sort,
    products: found.rows.map((row) =>
      toProductSummary({
        id: row.id,
        slug: row.slug,
        sku: row.sku,
        name: row.name,
        brand: { slug: row.brandSlug, name: row.brandName },
        priceCents: row.priceCents,
        compareAtPriceCents: row.compareAtPriceCents,
        currency: row.currency,
        stock: row.stock,
        category: { slug: row.categorySlug, name: row.categoryName },
      }),
    ),
    page: found.page,
    pageSize,
    totalCount,
    totalPages: totalPagesFor(totalCount, pageSize),
    fuzzyWords: plan.fuzzyWords,
  };
}

/**
 * "Did you mean": brand names that (nearly) appear in the query, and names of the products
 * nearest to it (word_similarity, from the GiST index in order), most similar first, never the
 * query itself.
 */
export async function closeMatches(client: SearchClient, query: string, limit = 6): Promise<string[]> {
  const text = searchWords(query).join(" ");
  if (text === "") return [];
  const rows = termRowsSchema.parse(
    await withSearchSettings(
      client,
      Prisma.sql`
        SELECT term FROM (
          SELECT b.name AS term, word_similarity(b.name, ${text}) AS score
            FROM brand b
           WHERE word_similarity(b.name, ${text}) >= ${BRAND_IN_QUERY_SIMILARITY}
          UNION ALL
          SELECT name, score FROM (
            SELECT p.name, word_similarity(${text}, s.name_words) AS score
              FROM product_search s
              JOIN product p ON p.id = s.product_id
             ORDER BY ${text} <<-> s.name_words
             LIMIT ${limit}
          ) nearest
          WHERE score >= ${CLOSE_MATCH_SIMILARITY}
        ) candidates
        WHERE lower(term) <> ${text}
        GROUP BY term
        ORDER BY max(score) DESC, term
        LIMIT ${limit}`,
    ),
  );
  return rows.map((row) => row.term);
}
