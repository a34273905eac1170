import { shippingCents, type ShippingMethodId } from "../../lib/orders/shipping.ts";
import type { ListType } from "../../lib/tracking/schema.ts";
import { popularProduct, productRef, type Catalog, type CatalogProduct } from "./catalog.ts";
import { searchQuery } from "./search-queries.ts";
import type { SessionRecorder } from "./session-recorder.ts";
import type { Channel } from "./traffic.ts";
import type { Visitor } from "./visitor.ts";

/** What a shopper's visit needs besides its own recorder. */
export interface ShopContext {
  catalog: Catalog;
  nextOrderNumber(): number;
}

type Page =
  | { kind: "home" | "deals" | "cart" | "checkout" | "exit" }
  | { kind: "category"; slug: string; page: number }
  | { kind: "search" }
  | { kind: "product"; product: CatalogProduct };

const PAGE_SIZE = 24;
const MAX_PAGES = 40;
const exit: Page = { kind: "exit" };

/**
 * One shopper's visit, page by page: lists, products, searches, the cart and the checkout
 * funnel, with drop-off at every step (a few percent of visits end in an order).
 */
export function humanSession(visitor: Visitor, recorder: SessionRecorder, shop: ShopContext, channel: Channel): void {
  const random = visitor.random;
  const { catalog } = shop;

  const dwell = (median: number) => recorder.wait(Math.min(9 * 60_000, Math.max(2_000, random.logNormal(median, 0.9))));
  const cartItems = () => {
    const items = visitor.cart.map((line) => ({ ...productRef(line.product), quantity: line.quantity }));
    return { items, value_cents: items.reduce((sum, item) => sum + item.price_cents * item.quantity, 0), currency: "USD" };
  };
  const navClick = (href: string, text: string) => {
    if (random.chance(0.5)) recorder.browser("click", { tag: "a", href, text });
  };
  const showList = (list_type: ListType, list_id: string, products: readonly CatalogProduct[], first = 1) => {
    if (products.length === 0) return;
    recorder.wait(random.int(200, 1_500));
    recorder.browser("product_list_view", {
      list_type, list_id, items: products.map((product, index) => ({ ...productRef(product), position: first + index })),
    });
  };
  const clickFrom = (list_type: ListType, list_id: string, products: readonly CatalogProduct[], first = 1): Page => {
    const index = random.popular(products.length, 1.8);
    const product = products[index];
    if (product === undefined) return exit;
    recorder.browser("product_click", { ...productRef(product), list_type, list_id, position: first + index });
    return { kind: "product", product };
  };
  const browseOn = (): Page =>
    random.weighted<Page>([
      [{ kind: "category", slug: random.weighted(catalog.interest), page: 1 }, 45],
      [{ kind: "search" }, 30],
      [{ kind: "home" }, 10],
      [{ kind: "deals" }, 15],
    ]);

  function home(): Page {
    recorder.visit("/", "CompuShop");
    const featured = catalog.categories.map((slug) => catalog.byCategory.get(slug)?.[0]).filter((product) => product !== undefined);
    showList("home", "featured", featured.slice(0, 8));
    dwell(15_000);
    const next = random.weighted([["category", 36], ["shelf", 24], ["search", 20], ["deals", 7], ["exit", 13]] as const);
    if (next === "shelf") return clickFrom("home", "featured", featured.slice(0, 8));
    if (next === "exit") return exit;
    if (next === "category") {
      const slug = random.weighted(catalog.interest);
      navClick(`/c/${slug}`, slug);
      return { kind: "category", slug, page: 1 };
    }
    return { kind: next };
  }

  function category(slug: string, page: number): Page {
    const products = catalog.byCategory.get(slug) ?? [];
    const shown = products.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    recorder.visit(`/c/${slug}`, `${slug} | CompuShop`, page > 1 ? `?page=${page}` : "");
    showList("category", slug, shown, (page - 1) * PAGE_SIZE + 1);
    dwell(25_000);
    const next = random.weighted([["product", 57], ["more", 8], ["on", 12], ["exit", 23]] as const);
    if (next === "product") return clickFrom("category", slug, shown, (page - 1) * PAGE_SIZE + 1);
    if (next === "more") return products.length > page * PAGE_SIZE ? { kind: "category", slug, page: page + 1 } : browseOn();
    return next === "exit" ? exit : browseOn();
  }

  function deals(): Page {
    const products = catalog.products.filter((product) => product.compareAtCents !== null).slice(0, PAGE_SIZE);
    recorder.visit("/deals", "Deals | CompuShop");
    showList("deals", "deals", products);
    dwell(20_000);
    const next = random.weighted([["product", 50], ["on", 22], ["exit", 28]] as const);
    if (next === "product") return clickFrom("deals", "deals", products);
    return next === "exit" ? exit : browseOn();
  }

  function search(): Page {
    const { query, results } = searchQuery(random, catalog);
    recorder.visit("/search", `Search: ${query} | CompuShop`, `?q=${encodeURIComponent(query)}`);
    const sort = random.weighted<string | null>([[null, 80], ["price-asc", 8], ["best-selling", 6], ["newest", 3], ["price-desc", 3]]);
    recorder.browser("search", { query, filters: {}, sort, page: 1, result_count: results.length });
    const shown = results.slice(0, PAGE_SIZE);
    showList("search", query.slice(0, 100), shown);
    dwell(18_000);
    if (shown.length === 0) return random.weighted<Page>([[{ kind: "search" }, 45], [{ kind: "home" }, 15], [exit, 40]]);
    const next = random.weighted([["product", 52], ["again", 18], ["on", 5], ["exit", 25]] as const);
    if (next === "product") return clickFrom("search", query.slice(0, 100), shown);
    if (next === "again") return { kind: "search" };
    return next === "exit" ? exit : browseOn();
  }

  function product(item: CatalogProduct): Page {
    recorder.visit(`/products/${item.slug}`, `${item.name} | CompuShop`);
    recorder.browser("product_view", productRef(item));
    const related = (catalog.byCategory.get(item.category) ?? []).filter((other) => other !== item).slice(0, 4);
    const showsRelated = random.chance(0.45);
    if (showsRelated) showList("related", item.category, related);
    dwell(40_000);
    if (recorder.signedIn && random.chance(0.03)) recorder.server("wishlist_add", productRef(item));
    if (random.chance(0.12)) {
      const quantity = random.chance(0.9) ? 1 : 2;
      const line = visitor.cart.find((existing) => existing.product === item);
      if (line) line.quantity = Math.min(99, line.quantity + quantity);
      else visitor.cart.push({ product: item, quantity });
      recorder.server("add_to_cart", { ...productRef(item), quantity });
      recorder.wait(random.int(1_000, 8_000));
      const next = random.weighted([["cart", 58], ["on", 30], ["exit", 12]] as const);
      if (next === "cart") navClick("/cart", "Cart");
      return next === "cart" ? { kind: "cart" } : next === "exit" ? exit : browseOn();
    }
    const next = random.weighted([["related", showsRelated ? 16 : 0], ["cart", visitor.cart.length > 0 ? 8 : 0], ["on", 36], ["exit", 40]] as const);
    if (next === "related") return clickFrom("related", item.category, related);
    if (next === "cart") return { kind: "cart" };
    return next === "exit" ? exit : browseOn();
  }

  function cart(): Page {
    recorder.visit("/cart", "Cart | CompuShop");
    recorder.browser("cart_view", cartItems());
    dwell(25_000);
    const removed = visitor.cart.length > 0 && random.chance(0.1) ? visitor.cart.pop() : undefined;
    if (removed) recorder.server("remove_from_cart", { ...productRef(removed.product), quantity: removed.quantity });
    if (visitor.cart.length === 0) return random.chance(0.5) ? browseOn() : exit;
    const next = random.weighted([["checkout", 62], ["on", 14], ["exit", 24]] as const);
    if (next === "checkout") recorder.browser("click", { tag: "a", href: "/checkout", text: "Checkout" });
    return next === "checkout" ? { kind: "checkout" } : next === "exit" ? exit : browseOn();
  }

  function signIn(): boolean {
    recorder.visit("/sign-in", "Sign in | CompuShop");
    dwell(30_000);
    const signingUp = !visitor.hasAccount;
    // Some give up here: a forgotten password, or no wish to make an account.
    if (random.chance(signingUp ? 0.4 : 0.06)) return false;
    visitor.hasAccount = true;
    visitor.userId = visitor.accountId;
    recorder.server(signingUp ? "sign_up" : "login", { method: "password" });
    return true;
  }

  function checkout(): Page {
    if (!recorder.signedIn && !signIn()) return exit;
    recorder.visit("/checkout", "Checkout | CompuShop");
    recorder.browser("begin_checkout", cartItems());
    dwell(60_000);
    if (!random.chance(0.8)) return random.chance(0.3) ? { kind: "cart" } : exit;
    const method: ShippingMethodId = random.chance(0.8) ? "standard" : "express";
    recorder.server("add_shipping_info", { ...cartItems(), shipping_method: method });
    recorder.wait(random.logNormal(25_000, 0.6));
    if (!random.chance(0.86)) return exit;
    const { items, value_cents } = cartItems();
    const shipping = shippingCents(method, value_cents);
    const group = recorder.server("purchase", {
      order_id: random.uuidV4(),
      order_number: String(shop.nextOrderNumber()),
      currency: "USD",
      subtotal_cents: value_cents,
      shipping_cents: shipping,
      revenue_cents: value_cents + shipping,
      shipping_method: method,
      items,
    });
    // The order takes its stock in its own transaction, and says so with it.
    for (const line of visitor.cart) {
      line.product.stock = Math.max(0, line.product.stock - line.quantity);
      recorder.serverProductUpdate(line.product, group);
    }
    visitor.cart = [];
    recorder.visit("/account/orders", "Order placed | CompuShop");
    dwell(20_000);
    return random.chance(0.2) ? { kind: "home" } : exit;
  }

  let page = landingPage();
  for (let shown = 0; shown < MAX_PAGES && page.kind !== "exit"; shown++) {
    page = show(page);
    // Some with an account sign in early in their visit, not only at the checkout.
    if (shown === 0 && page.kind !== "exit" && visitor.hasAccount && !recorder.signedIn && random.chance(0.15)) signIn();
  }
  recorder.leave();

  function show(current: Page): Page {
    switch (current.kind) {
      case "home":
        return home();
      case "category":
        return category(current.slug, current.page);
      case "deals":
        return deals();
      case "search":
        return search();
      case "product":
        return product(current.product);
      case "cart":
        return cart();
      case "checkout":
        return checkout();
      case "exit":
        return exit;
    }
  }

  function landingPage(): Page {
    const direct = channel === "direct" || channel === "email";
    if (direct && visitor.cart.length > 0 && random.chance(0.3)) return { kind: "cart" };
    const kind = random.weighted(
      direct
        ? ([["home", 55], ["deals", channel === "email" ? 25 : 5], ["product", 20], ["category", 20]] as const)
        : ([["home", 15], ["product", 50], ["category", 30], ["deals", 5]] as const),
    );
    if (kind === "product") return { kind, product: popularProduct(random, catalog) };
    if (kind === "category") return { kind, slug: random.weighted(catalog.interest), page: 1 };
    return { kind };
  }
}
