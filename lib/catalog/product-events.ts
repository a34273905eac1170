import { v7 as uuidv7 } from "uuid";
import type { Prisma } from "../db/generated/client.ts";
import { productUpdatedEventSchema, type ProductUpdatedEvent } from "../tracking/schema.ts";
import { toProductRef, type ProductRefSource } from "./mappers.ts";

/**
 * The catalog's own events. The warehouse's product dimension rests on these alone (signed by
 * the shop's server), never on what a browser says a product is called or costs.
 */

export interface CatalogFactsRow extends ProductRefSource {
  compareAtPriceCents: number | null;
  stock: number;
}

export const catalogFactsSelect = {
  id: true,
  sku: true,
  slug: true,
  name: true,
  priceCents: true,
  compareAtPriceCents: true,
  currency: true,
  stock: true,
  brand: { select: { name: true } },
  category: { select: { slug: true } },
} as const satisfies Prisma.ProductSelect;

export function productUpdatedEvent(row: CatalogFactsRow, at: Date): ProductUpdatedEvent {
  return productUpdatedEventSchema.parse({
    event_id: uuidv7({ msecs: at.getTime() }),
    event_name: "product_updated",
    occurred_at: at.toISOString(),
    properties: {
      ...toProductRef(row),
      compare_at_cents: row.compareAtPriceCents,
      stock: row.stock,
      active: true,
    },
  });
}

/**
 * Queues a product_updated event for each product, as it stands inside `tx`, in the shop's
 * outbox: the change and its announcement commit together or not at all.
 */
export async function announceProducts(tx: Prisma.TransactionClient, where: Prisma.ProductWhereInput, at = new Date()): Promise<number> {
  const rows = await tx.product.findMany({ where, select: catalogFactsSelect, orderBy: { id: "asc" } });
  if (rows.length === 0) return 0;
  const events = rows.map((row) => productUpdatedEvent(row, at));
  await tx.eventOutbox.createMany({
    data: events.map((event) => ({ eventId: event.event_id, eventName: event.event_name, event })),
  });
  return events.length;
}
