import type { ProductRef } from "../../lib/tracking/schema.ts";
import type { Prng } from "./prng.ts";

/** A catalog product as the simulation keeps it: what events carry, and what only the catalog knows. */
export interface CatalogProduct extends ProductRef {
  compareAtCents: number | null;
  stock: number;
  /** Words a shopper may search it by. */
  words: string[];
}

export interface Catalog {
  products: CatalogProduct[];
  /** Category slugs, each with its products, most popular first. */
  byCategory: Map<string, CatalogProduct[]>;
  categories: string[];
  /** Category slugs with how much of the traffic each draws. */
  interest: ReadonlyArray<readonly [string, number]>;
}

interface CategorySpec {
  slug: string;
  brands: string[];
  models: string[];
  variants: string[];
  priceCents: readonly [number, number];
  count: number;
  interest: number;
}

const CATEGORIES: CategorySpec[] = [
  {
    slug: "laptops", brands: ["Lenovo", "Dell", "HP", "ASUS", "Apple", "Acer", "MSI"],
    models: ["ThinkPad X1 Carbon", "XPS 13", "Spectre x360", "ZenBook 14", "MacBook Air", "Swift Go", "Prestige 16", "Gaming Laptop G15", "IdeaPad Slim 5"],
    variants: ["16GB 512GB", "32GB 1TB", "8GB 256GB", "OLED 16GB 1TB"], priceCents: [49_900, 349_900], count: 60, interest: 20,
  },
  {
    slug: "gpus", brands: ["ASUS", "MSI", "Gigabyte", "Zotac", "Sapphire", "XFX"],
    models: ["GeForce RTX 4060", "GeForce RTX 4070 SUPER", "GeForce RTX 4080 SUPER", "GeForce RTX 4090", "Radeon RX 7800 XT", "Radeon RX 7900 XTX", "Arc B580"],
    variants: ["OC 12GB", "Dual 8GB", "Gaming X 16GB", "Eagle 24GB"], priceCents: [24_900, 199_900], count: 45, interest: 20,
  },
  {
    slug: "monitors", brands: ["Dell", "LG", "Samsung", "BenQ", "ASUS", "AOC"],
    models: ["UltraSharp 27 4K", "UltraGear 27 QHD 165Hz", "Odyssey G7 32", "Designer 24 IPS", "ROG Swift OLED 27", "Gaming 24 144Hz"],
    variants: ["USB-C", "HDR400", "Pivot", "Curved"], priceCents: [12_900, 129_900], count: 45, interest: 15,
  },
  {
    slug: "cpus", brands: ["AMD", "Intel"],
    models: ["Ryzen 5 7600", "Ryzen 7 7800X3D", "Ryzen 9 7950X", "Core i5-14600K", "Core i7-14700K", "Core i9-14900K"],
    variants: ["Boxed", "Tray"], priceCents: [14_900, 69_900], count: 20, interest: 8,
  },
  {
    slug: "keyboards", brands: ["Logitech", "Keychron", "Corsair", "Razer", "Cherry"],
    models: ["Mechanical Keyboard K2", "MX Keys", "K70 RGB", "BlackWidow V4", "KC 1000 Wireless"],
    variants: ["Brown Switches", "Red Switches", "Wireless", "TKL"], priceCents: [3_900, 22_900], count: 30, interest: 7,
  },
  {
    slug: "mice", brands: ["Logitech", "Razer", "SteelSeries", "Corsair"],
    models: ["MX Master 3S", "G Pro X Superlight", "DeathAdder V3", "Rival 3", "Ergo Vertical Mouse"],
    variants: ["Black", "White", "Wireless"], priceCents: [2_900, 15_900], count: 25, interest: 6,
  },
  {
    slug: "storage", brands: ["Samsung", "WD", "Crucial", "Seagate", "Kingston"],
    models: ["990 PRO NVMe SSD", "Black SN850X SSD", "P5 Plus SSD", "IronWolf NAS HDD", "Portable SSD T7"],
    variants: ["1TB", "2TB", "4TB", "500GB"], priceCents: [5_900, 49_900], count: 35, interest: 10,
  },
  {
    slug: "memory", brands: ["Corsair", "Kingston", "G.Skill", "Crucial"],
    models: ["Vengeance DDR5 RAM", "Fury Beast DDR5 RAM", "Trident Z5 RGB DDR5", "DDR4 Laptop RAM"],
    variants: ["32GB 6000MHz", "64GB 5600MHz", "16GB 3200MHz"], priceCents: [4_900, 29_900], count: 20, interest: 6,
  },
  {
    slug: "headsets", brands: ["SteelSeries", "HyperX", "Sony", "Logitech"],
    models: ["Arctis Nova 7", "Cloud III", "WH-1000XM5 Headphones", "G Pro X 2"],
    variants: ["Wireless", "Wired", "Black"], priceCents: [5_900, 39_900], count: 20, interest: 4,
  },
  {
    slug: "networking", brands: ["TP-Link", "Netgear", "ASUS", "Ubiquiti"],
    models: ["WiFi 7 Router", "Mesh WiFi 6E System", "8-Port Gigabit Switch", "USB WiFi Adapter"],
    variants: ["AX5400", "BE9300", "3-Pack", "Dual Band"], priceCents: [2_900, 59_900], count: 20, interest: 4,
  },
];

const slugOf = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** A catalog of a few hundred products across the shop's categories, the same for the same source. */
export function buildCatalog(random: Prng): Catalog {
  const products: CatalogProduct[] = [];
  const byCategory = new Map<string, CatalogProduct[]>();
  for (const spec of CATEGORIES) {
    const list: CatalogProduct[] = [];
    const [low, high] = spec.priceCents;
    for (let i = 0; i < spec.count; i++) {
      const brand = random.pick(spec.brands);
      const model = random.pick(spec.models);
      const variant = random.pick(spec.variants);
      const id = String(products.length + 1);
      const name = `${brand} ${model} ${variant}`;
      // Prices like a shop's: log-uniform in the category's range, ending in 99.
      const price = Math.round((low * (high / low) ** random.next()) / 100) * 100 - 1;
      const product: CatalogProduct = {
        product_id: id,
        sku: `${spec.slug.slice(0, 3).toUpperCase()}-${id.padStart(5, "0")}`,
        slug: `${slugOf(name)}-${id}`,
        name,
        brand,
        category: spec.slug,
        price_cents: price,
        currency: "USD",
        compareAtCents: random.chance(0.15) ? Math.round(price * 1.2) : null,
        stock: random.int(0, 120),
        words: slugOf(`${brand} ${model} ${variant} ${spec.slug}`).split("-"),
      };
      products.push(product);
      list.push(product);
    }
    byCategory.set(spec.slug, list);
  }
  return {
    products,
    byCategory,
    categories: CATEGORIES.map((spec) => spec.slug),
    interest: CATEGORIES.map((spec) => [spec.slug, spec.interest] as const),
  };
}

/** A product shoppers are likely to look at: a category by its interest, then a popular one of it. */
export function popularProduct(random: Prng, catalog: Catalog, category = random.weighted(catalog.interest)): CatalogProduct {
  const list = catalog.byCategory.get(category) ?? catalog.products;
  return list[random.popular(list.length)] ?? random.pick(list);
}

/** What events say about a product (no catalog-only fields). */
export function productRef(product: CatalogProduct): ProductRef {
  const { product_id, sku, slug, name, brand, category, price_cents, currency } = product;
  return { product_id, sku, slug, name, brand, category, price_cents, currency };
}

/** The catalog's products a search finds: those with every word of the query. */
export function searchCatalog(catalog: Catalog, query: string): CatalogProduct[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return catalog.products.filter((product) => words.every((word) => product.words.some((own) => own.startsWith(word))));
}
