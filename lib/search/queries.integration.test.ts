import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresPart } from "@/dev/parts/postgres.ts";
import { throwawayPostgres } from "@/dev/testing/local-parts.ts";
import type { ProductSummary } from "@/lib/catalog/types.ts";
import { Prisma, PrismaClient } from "@/lib/db/generated/client.ts";
import { migrateShop } from "@/lib/db/migrations.ts";
import { buildCatalog, type CatalogProduct } from "@/prisma/seed/catalog.ts";
import { seedCatalog } from "@/prisma/seed.ts";
import { cleanSearchText } from "./search-query.ts";
import { closeMatches, searchProducts } from "./queries.ts";
import { SEARCH_SORTS, type SearchSort } from "./search-sort.ts";
import type { SearchResultPage } from "./types.ts";

// Search against the real seed catalog in a migrated PostgreSQL. Expectations come from the
// seed data itself (buildCatalog), never from a list of results written down here.

let postgres: PostgresPart;
let client: PrismaClient;
const catalog = buildCatalog();

beforeAll(async () => {
  postgres = await throwawayPostgres("shop_search_test");
  await migrateShop(postgres.url);
  await seedCatalog(postgres.url, catalog);
  client = new PrismaClient({ adapter: new PrismaPg({ connectionString: postgres.url }) });
});

afterAll(async () => {
  await client?.$disconnect();
  await postgres?.stop();
});

const search = (query: string, page = 1, pageSize = 24, sort: SearchSort = "relevance"): Promise<SearchResultPage> =>
  searchProducts(client, cleanSearchText(query), { page, pageSize, sort });

/** Every result of a query, page by page. */
async function everyResult(query: string, sort: SearchSort = "relevance", pageSize = 24): Promise<ProductSummary[]> {
  const first = await search(query, 1, pageSize, sort);
  const all = [...first.products];
  for (let page = 2; page <= first.totalPages; page += 1) all.push(...(await search(query, page, pageSize, sort)).products);
  return all;
}

const slugsOf = (products: readonly { slug: string }[]) => products.map((product) => product.slug);
const seedWhere = (keep: (product: CatalogProduct) => boolean) => catalog.products.filter(keep);

/** The first `expected.length` results are exactly `expected`, in any order. */
function expectLeading(results: readonly ProductSummary[], expected: readonly CatalogProduct[]): void {
  expect(expected.length).toBeGreaterThan(0);
  expect(new Set(slugsOf(results.slice(0, expected.length)))).toEqual(new Set(slugsOf(expected)));
}

describe("exact queries", () => {
  it("rank the product first when its full name is searched, for every product", async () => {
    const misses: string[] = [];
    for (const product of catalog.products) {
      const { products } = await search(product.name, 1, 3);
      if (products[0]?.slug !== product.slug) misses.push(`${product.name} → ${products[0]?.name ?? "nothing"}`);
    }
    expect(misses).toEqual([]);
  });

  it("rank a name match above a description match", async () => {
    const results = await everyResult("rtx 5080");
    const inName = seedWhere((product) => /\bRTX 5080\b/.test(product.name));
    expectLeading(results, inName);
    expect(results.length).toBeGreaterThanOrEqual(inName.length);
  });
});

describe("typos", () => {
  it("find GeForce cards for 'geforse rtx', and only them", async () => {
    const result = await search("geforse rtx", 1, 100);
    expect(result.fuzzyWords).toEqual(["geforse"]);
    expect(new Set(slugsOf(result.products))).toEqual(new Set(slugsOf(seedWhere((product) => product.name.includes("GeForce RTX")))));
    expectLeading(await everyResult("geforse rtx 5080"), seedWhere((product) => /GeForce RTX 5080\b/.test(product.name)));
  });

  it("find ThinkPads for 'thinkpd', Samsung for 'samsng', Ryzen 7 for 'ryzn 7'", async () => {
    expectLeading((await search("thinkpd")).products, seedWhere((product) => product.name.includes("ThinkPad")));
    expectLeading(await everyResult("samsng"), seedWhere((product) => product.brand === "Samsung"));
    expectLeading((await search("ryzn 7")).products, seedWhere((product) => product.name.includes("Ryzen 7 ")));
  });

  it("leave words spelt right to full-text search: 'ddr5' lists no DDR4 kit", async () => {
    const results = await everyResult("ddr5");
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((product) => /DDR4/.test(product.name))).toEqual([]);
  });
});

describe("while typing", () => {
  it("matches the last word as a prefix", async () => {
    const rtx50 = seedWhere((product) => /\bRTX 50\d\d\b/.test(product.name));
    expectLeading(await everyResult("rtx 50"), rtx50);
    expectLeading(await everyResult("thinkp"), seedWhere((product) => product.name.includes("ThinkPad")));
    const result = await search("gefo", 1, 100);
    expect(result.fuzzyWords).toEqual([]);
    expectLeading(result.products, seedWhere((product) => product.name.includes("GeForce")));
  });

  it("keeps to the page size (suggestions ask for 8)", async () => {
    const result = await search("asus", 1, 8);
    expect(result.products).toHaveLength(8);
    expect(result.totalCount).toBeGreaterThanOrEqual(seedWhere((product) => product.brand === "ASUS").length);
  });
});

describe("brand and category words", () => {
  it("find a brand's products", async () => {
    for (const brand of ["Logitech", "Dell", "G.Skill", "TP-Link"]) {
      expectLeading(await everyResult(brand.toLowerCase()), seedWhere((product) => product.brand === brand));
    }
  });

  it("find a category's products by its name, singular or plural", async () => {
    for (const [query, slug] of [["graphics cards", "gpus"], ["processors", "cpus"], ["processor", "cpus"], ["laptops", "laptops"], ["laptop", "laptops"]] as const) {
      expectLeading(await everyResult(query), seedWhere((product) => product.categorySlug === slug));
    }
  });

  it("combine brand and category words, and skip stop words", async () => {
    const gamingLaptops = new Set(slugsOf(await everyResult("gaming laptop")));
    expect(gamingLaptops.size).toBeGreaterThan(0);
    expect(new Set(slugsOf(await everyResult("laptop for gaming")))).toEqual(gamingLaptops);
    const asusMonitors = seedWhere((product) => product.brand === "ASUS" && product.categorySlug === "monitors");
    expectLeading(await everyResult("asus monitors"), asusMonitors);
  });
});

describe("pages", () => {
  it("lists every result once across pages, and clamps a page past the end", async () => {
    const first = await search("gaming", 1, 5);
    expect(first.totalPages).toBeGreaterThan(2);
    const all = await Promise.all(Array.from({ length: first.totalPages }, (_, index) => search("gaming", index + 1, 5)));
    const slugs = all.flatMap((page) => slugsOf(page.products));
    expect(slugs).toHaveLength(first.totalCount);
    expect(new Set(slugs).size).toBe(first.totalCount);

    const past = await search("gaming", first.totalPages + 10, 5);
    expect(past.page).toBe(first.totalPages);
    expect(slugsOf(past.products)).toEqual(slugsOf(all.at(-1)?.products ?? []));
  });
});

describe("sorts", () => {
  // Written out here rather than taken from queries.ts: the database's own order by each column.
  const columnOrder: Readonly<Record<Exclude<SearchSort, "relevance">, Prisma.Sql>> = {
    "best-selling": Prisma.sql`units_sold DESC, id ASC`,
    newest: Prisma.sql`created_at DESC, id DESC`,
    "price-asc": Prisma.sql`price_cents ASC, id ASC`,
    "price-desc": Prisma.sql`price_cents DESC, id ASC`,
  };
  const idsOf = (products: readonly { id: number }[]) => products.map((product) => product.id);
  const databaseOrder = async (ids: readonly number[], sort: Exclude<SearchSort, "relevance">): Promise<number[]> => {
    const rows = await client.$queryRaw<{ id: number }[]>`SELECT id FROM product WHERE id = ANY(${[...ids]}::int[]) ORDER BY ${columnOrder[sort]}`;
    return idsOf(rows);
  };

  // A full-text query and a misspelt one (matched word by word, by similarity).
  for (const query of ["gaming", "geforse rtx"]) {
    it(`find the same products for "${query}" in every order, in the database's order by that column`, async () => {
      const relevance = await search(query, 1, 100);
      expect(relevance.totalCount).toBeGreaterThan(5);
      expect(relevance.totalCount).toBeLessThanOrEqual(100);
      const matched = idsOf(relevance.products);
      for (const sort of SEARCH_SORTS.filter((entry) => entry !== "relevance")) {
        const sorted = await search(query, 1, 100, sort);
        expect(sorted.sort).toBe(sort);
        expect(sorted.totalCount, sort).toBe(relevance.totalCount);
        expect(sorted.fuzzyWords, sort).toEqual(relevance.fuzzyWords);
        expect(new Set(idsOf(sorted.products)), sort).toEqual(new Set(matched));
        expect(idsOf(sorted.products), sort).toEqual(await databaseOrder(matched, sort));
      }
      const prices = (await search(query, 1, 100, "price-asc")).products.map((product) => product.priceCents);
      expect(prices).toEqual([...prices].sort((a, b) => a - b));
      expect(new Set(prices).size).toBeGreaterThan(1);
    });
  }

  it("page without repeating or skipping a product, in every order", async () => {
    const pageSize = 5;
    const whole = await search("gaming", 1, 100);
    expect(whole.totalCount).toBeGreaterThan(pageSize * 2);
    for (const sort of SEARCH_SORTS) {
      const paged = await everyResult("gaming", sort, pageSize);
      expect(paged, sort).toHaveLength(whole.totalCount);
      expect(new Set(idsOf(paged)).size, sort).toBe(whole.totalCount);
      expect(idsOf(paged), sort).toEqual(idsOf((await search("gaming", 1, 100, sort)).products));
    }
  });

  it("clamp a page past the end to the last page of that order", async () => {
    const first = await search("gaming", 1, 5, "price-desc");
    const past = await search("gaming", first.totalPages + 3, 5, "price-desc");
    expect(past.page).toBe(first.totalPages);
    expect(past.sort).toBe("price-desc");
    expect(idsOf(past.products)).toEqual(idsOf((await search("gaming", first.totalPages, 5, "price-desc")).products));
  });
});

describe("hostile input", () => {
  const inputs = [
    "'; DROP TABLE product; --",
    "<script>alert(1)</script>",
    "\\' OR 1=1 --",
    "rtx':* | !(ssd) & <->",
    "%_%",
    "$1 $2 ${q}",
    "\u0000\u0007\u001b",
    "😀🎮",
    "ノートパソコン",
    "ﷺ",
    "x".repeat(100),
    "a b c d e f g h i j k l m n o p",
  ];

  it("searches it as text: no error, no harm", async () => {
    for (const input of inputs) {
      const result = await search(input);
      expect(result.query).toBe(cleanSearchText(input));
      expect(result.products.length).toBeLessThanOrEqual(24);
      await expect(closeMatches(client, cleanSearchText(input))).resolves.toBeInstanceOf(Array);
    }
    expect(await client.product.count()).toBe(catalog.products.length);
  });

  it("finds nothing without words, or for nonsense", async () => {
    for (const query of ["", "   ", "!!!", "the", "qxzjvwk"]) expect((await search(query)).totalCount, query).toBe(0);
  });
});

describe("did you mean", () => {
  const names = new Set([...catalog.products.map((product) => product.name), ...catalog.products.map((product) => product.brand)]);

  it("offers brand and product names close to a query that found nothing", async () => {
    for (const [query, brand, word] of [
      ["logitech rtx 5090", "Logitech", /Logitech|RTX 5090/],
      ["thinkpad geforce", null, /ThinkPad|GeForce/],
    ] as const) {
      expect((await search(query)).totalCount, query).toBe(0);
      const matches = await closeMatches(client, query);
      expect(matches.length, query).toBeGreaterThan(1);
      if (brand) expect(matches).toContain(brand);
      for (const match of matches) {
        expect(names, query).toContain(match);
        expect((await search(match)).totalCount, match).toBeGreaterThan(0);
      }
      expect(matches.filter((match) => match !== brand).every((match) => word.test(match)), `${query}: ${matches.join(" | ")}`).toBe(true);
    }
  });
});

// Last: these change the catalog (and put it back).
describe("the search document", () => {
  const product = catalog.products.find((entry) => entry.categorySlug === "monitors");
  if (!product) throw new Error("the seed has no monitor");

  it("follows a product rename", async () => {
    const renamed = "Quasarvision Hyperpanel 9000";
    await client.product.update({ where: { slug: product.slug }, data: { name: renamed } });
    try {
      expect(slugsOf((await search("hyperpanel")).products)).toEqual([product.slug]);
      expect(slugsOf((await search(renamed)).products)[0]).toBe(product.slug);
      expect(slugsOf(await everyResult(product.name))).not.toContain(product.slug);
    } finally {
      await client.product.update({ where: { slug: product.slug }, data: { name: product.name } });
    }
    expect(slugsOf((await search(product.name)).products)[0]).toBe(product.slug);
  });

  it("follows a brand rename and a category rename", async () => {
    const brandSlug = "zotac";
    const ofBrand = seedWhere((entry) => entry.brand === "Zotac");
    await client.brand.update({ where: { slug: brandSlug }, data: { name: "Nimbusforge" } });
    await client.category.update({ where: { slug: "networking" }, data: { name: "Connectivity Gear" } });
    try {
      expect(new Set(slugsOf(await everyResult("nimbusforge")))).toEqual(new Set(slugsOf(ofBrand)));
      expectLeading(await everyResult("connectivity gear"), seedWhere((entry) => entry.categorySlug === "networking"));
    } finally {
      await client.brand.update({ where: { slug: brandSlug }, data: { name: "Zotac" } });
      await client.category.update({ where: { slug: "networking" }, data: { name: "Networking" } });
    }
    expect((await search("nimbusforge")).totalCount).toBe(0);
  });

  it("gains new products and loses deleted ones", async () => {
    const existing = await client.product.findUniqueOrThrow({ where: { slug: product.slug } });
    const created = await client.product.create({
      data: {
        slug: "zephyrion-test-display",
        sku: "MON-TST-0000001",
        name: "Zephyrion Test Display",
        brandId: existing.brandId,
        categoryId: existing.categoryId,
        priceCents: 10_000,
      },
    });
    expect(slugsOf((await search("zephyrion")).products)).toEqual([created.slug]);
    await client.product.delete({ where: { id: created.id } });
    expect(slugsOf(await everyResult("zephyrion"))).not.toContain(created.slug);
    expect(await client.$queryRaw`SELECT product_id FROM product_search WHERE product_id = ${created.id}`).toEqual([]);
  });
});
