import "server-only";
import { db } from "@/lib/db/client.ts";
import type { OrderDetail, OrderSummary } from "./types.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The shopper's orders, newest first. */
export async function listOrders(userId: string, limit = 50): Promise<OrderSummary[]> {
  const orders = await db().order.findMany({
    where: { userId },
    orderBy: { placedAt: "desc" },
    take: limit,
    select: { id: true, number: true, status: true, placedAt: true, totalCents: true, currency: true, lines: { select: { quantity: true } } },
  });
  return orders.map((order) => ({
    id: order.id,
    number: order.number.toString(),
    status: order.status,
    placedAt: order.placedAt.toISOString(),
    itemCount: order.lines.reduce((sum, line) => sum + line.quantity, 0),
    totalCents: order.totalCents,
    currency: order.currency,
  }));
}

/**
 * One of the shopper's orders, or null: an id that is not theirs looks exactly like one that does
 * not exist, so order ids cannot be probed.
 */
export async function getOrder(userId: string, orderId: string): Promise<OrderDetail | null> {
  if (!UUID.test(orderId)) return null;
  const order = await db().order.findFirst({
    where: { id: orderId, userId },
    include: { lines: { orderBy: { name: "asc" }, include: { product: { select: { slug: true } } } } },
  });
  if (!order) return null;
  return {
    id: order.id,
    number: order.number.toString(),
    status: order.status,
    placedAt: order.placedAt.toISOString(),
    itemCount: order.lines.reduce((sum, line) => sum + line.quantity, 0),
    totalCents: order.totalCents,
    subtotalCents: order.subtotalCents,
    shippingCents: order.shippingCents,
    currency: order.currency,
    shippingMethod: order.shippingMethod,
    shipTo: {
      name: order.shipName,
      line1: order.shipLine1,
      line2: order.shipLine2,
      city: order.shipCity,
      region: order.shipRegion,
      postalCode: order.shipPostalCode,
      country: order.shipCountry,
    },
    lines: order.lines.map((line) => ({
      productId: line.productId,
      productSlug: line.product.slug,
      sku: line.sku,
      name: line.name,
      unitPriceCents: line.unitPriceCents,
      quantity: line.quantity,
      lineTotalCents: line.lineTotalCents,
    })),
  };
}
