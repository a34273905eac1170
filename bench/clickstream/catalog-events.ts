import type { ProductUpdatedEvent } from "../../lib/tracking/schema.ts";
import { productRef, type Catalog, type CatalogProduct } from "./catalog.ts";
import { serverDeliveries, type Delivery } from "./delivery.ts";
import type { Prng } from "./prng.ts";
import type { Happening } from "./session-recorder.ts";

/** The outbox relay's batch size. */
const RELAY_BATCH = 50;

/** The catalog's word on a product as it is now: the only source of the warehouse's product dimension. */
export function productUpdated(product: CatalogProduct, at: number, random: Prng): ProductUpdatedEvent {
  return {
    event_id: random.uuidV7(at),
    event_name: "product_updated",
    occurred_at: new Date(at).toISOString(),
    properties: { ...productRef(product), compare_at_cents: product.compareAtCents, stock: product.stock, active: true },
  };
}

const happening = (product: CatalogProduct, at: number, random: Prng): Happening => ({ at, event: productUpdated(product, at, random), from: "server", group: 0 });

/** Every product (up to `limit`) announced, as the shop's seed does it: relayed 50 to a request. */
export function announceCatalog(catalog: Catalog, at: number, random: Prng, limit: number): Delivery[] {
  const out: Delivery[] = [];
  const products = catalog.products.slice(0, Math.max(0, limit));
  for (let first = 0; first < products.length; first += RELAY_BATCH) {
    const events = products.slice(first, first + RELAY_BATCH).map((product, index) => happening(product, at + first + index, random));
    out.push(...serverDeliveries(events, at + first + RELAY_BATCH, random));
  }
  return out;
}

/** Merchandisers' changes (up to `limit`): a new price, a sale starting or ending, or a restock; each its own request. */
export function changeCatalog(catalog: Catalog, at: number, random: Prng, limit: number): Delivery[] {
  const out: Delivery[] = [];
  for (let changes = Math.min(limit, random.int(1, 3)); changes > 0; changes--) {
    const product = random.pick(catalog.products);
    const change = random.weighted([["price", 40], ["sale", 25], ["restock", 35]] as const);
    if (change === "price") product.price_cents = Math.max(999, Math.round((product.price_cents * (0.9 + 0.2 * random.next())) / 100) * 100 - 1);
    if (change === "sale") product.compareAtCents = product.compareAtCents === null ? Math.round(product.price_cents * 1.15) : null;
    if (change === "restock") product.stock += random.int(10, 80);
    out.push(...serverDeliveries([happening(product, at, random)], at + random.int(20, 500), random));
  }
  return out;
}
