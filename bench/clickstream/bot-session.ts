import { productRef, type Catalog } from "./catalog.ts";
import type { SessionRecorder } from "./session-recorder.ts";
import type { Visitor } from "./visitor.ts";

/**
 * A crawl: search engine bots render pages (so the tracker runs) and walk categories and
 * products quickly, uniformly rather than by popularity; a headless scraper goes through
 * product pages faster still. No engagement, no cart, no sign-in.
 */
export function botSession(visitor: Visitor, recorder: SessionRecorder, catalog: Catalog): void {
  const random = visitor.random;
  const scraper = visitor.bot === "headless";
  const pages = scraper ? random.int(10, 80) : random.int(5, 40);
  for (let shown = 0; shown < pages; shown++) {
    if (!scraper && random.chance(0.25)) {
      const slug = random.pick(catalog.categories);
      const products = (catalog.byCategory.get(slug) ?? []).slice(0, 24);
      recorder.visit(`/c/${slug}`, `${slug} | CompuShop`);
      recorder.browser("product_list_view", {
        list_type: "category", list_id: slug, items: products.map((product, index) => ({ ...productRef(product), position: index + 1 })),
      });
    } else {
      const product = random.pick(catalog.products);
      recorder.visit(`/products/${product.slug}`, `${product.name} | CompuShop`);
      recorder.browser("product_view", productRef(product));
    }
    recorder.wait(scraper ? random.int(500, 3_000) : random.int(1_000, 8_000));
  }
}
