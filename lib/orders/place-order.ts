import "server-only";
import { db } from "@/lib/db/client.ts";
import { Prisma } from "@/lib/db/generated/client.ts";
import type { CheckoutForm } from "./checkout-form.ts";
import { toProductRef } from "@/lib/catalog/mappers.ts";
import { announceProducts } from "@/lib/catalog/product-events.ts";
import { purchaseEvent, type BrowserContext } from "./purchase-event.ts";
import { shippingCents, SHIPPING_METHODS } from "./shipping.ts";

export type PlaceOrderResult =
  | { ok: true; orderId: string; orderNumber: string; productSlugs: string[]; totalCents: number; currency: string; repeated: boolean }
  | { ok: false; message: string };

/** Thrown inside the transaction to roll it back with a message for the shopper. */
class CheckoutRefused extends Error {}

const repeatedOrder = async (userId: string, idempotencyKey: string): Promise<PlaceOrderResult | null> => {
  const order = await db().order.findUnique({
    where: { userId_idempotencyKey: { userId, idempotencyKey } },
    select: { id: true, number: true, totalCents: true, currency: true, lines: { select: { product: { select: { slug: true } } } } },
  });
  if (!order) return null;
  return {
    ok: true,
    orderId: order.id,
    orderNumber: order.number.toString(),
    productSlugs: order.lines.map((line) => line.product.slug),
    totalCents: order.totalCents,
    currency: order.currency,
    repeated: true,
  };
};

const isUniqueViolation = (error: unknown): boolean => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * Places the shopper's cart as an order, in one transaction:
 *  1. the order row goes in first and claims (user, idempotency key): a second submit of the same
 *     form waits on that unique key and, once the first commits, finds the order instead of
 *     making another (or, if the first rolled back, goes on as if it were the first);
 *  2. each line's stock is taken with a conditional update (`stock >= quantity`), in product id
 *     order so two carts never deadlock; one that cannot be met rolls everything back, so 50
 *     buyers of the last unit make exactly one order and stock never goes negative;
 *  3. prices, names and totals are copied from the catalog as read in this transaction;
 *  4. the purchase event goes into the outbox, so the order and its event commit together;
 *  5. the cart is emptied.
 * Payment capture is out of scope: the order is recorded as placed.
 */
export async function placeOrder(userId: string, checkout: CheckoutForm, browser: BrowserContext): Promise<PlaceOrderResult> {
  const { idempotencyKey, address, shippingMethod } = checkout;
  const earlier = await repeatedOrder(userId, idempotencyKey);
  if (earlier) return earlier;

  try {
    return await db().$transaction(
      async (tx): Promise<PlaceOrderResult> => {
        const cart = await tx.cart.findUnique({
          where: { userId },
          select: {
            id: true,
            items: {
              orderBy: { productId: "asc" },
              select: { quantity: true, product: { select: {
                    id: true,
                    slug: true,
                    sku: true,
                    name: true,
                    priceCents: true,
                    currency: true,
                    brand: { select: { name: true } },
                    category: { select: { slug: true } },
                  }, } },
            },
          },
        });
        const lines = cart?.items ?? [];
        if (!cart || lines.length === 0) throw new CheckoutRefused("Your cart is empty.");
        const currency = lines[0]?.product.currency ?? "USD";
        if (lines.some((line) => line.product.currency !== currency)) throw new CheckoutRefused("Your cart mixes currencies; order them separately.");

        const subtotalCents = lines.reduce((sum, line) => sum + line.product.priceCents * line.quantity, 0);
        const shipping = shippingCents(shippingMethod, subtotalCents);
        const order = await tx.order.create({
          data: {
            userId,
            idempotencyKey,
            currency,
            subtotalCents,
            shippingCents: shipping,
            totalCents: subtotalCents + shipping,
            shippingMethod: SHIPPING_METHODS[shippingMethod].label,
            shipName: address.name,
            shipLine1: address.line1,
            shipLine2: address.line2,
            shipCity: address.city,
            shipRegion: address.region,
            shipPostalCode: address.postalCode,
            shipCountry: address.country,
          },
          select: { id: true, number: true, placedAt: true },
        });

        for (const { product, quantity } of lines) {
          const taken = await tx.product.updateMany({
            where: { id: product.id, stock: { gte: quantity } },
            data: { stock: { decrement: quantity }, unitsSold: { increment: quantity } },
          });
          if (taken.count === 0) {
            const now = await tx.product.findUnique({ where: { id: product.id }, select: { stock: true } });
            const left = now?.stock ?? 0;
            throw new CheckoutRefused(
              left === 0
                ? `${product.name} has just sold out. Remove it from your cart to order the rest.`
                : `Only ${left} of ${product.name} left. Lower the quantity in your cart to order.`,
            );
          }
        }

        await tx.orderLine.createMany({
          data: lines.map(({ product, quantity }) => ({
            orderId: order.id,
            productId: product.id,
            sku: product.sku,
            name: product.name,
            unitPriceCents: product.priceCents,
            quantity,
            lineTotalCents: product.priceCents * quantity,
          })),
        });
        // Events name the shopper by their Cognito id, as the ingest does from their sign-in.
        const account = await tx.appUser.findUniqueOrThrow({ where: { id: userId }, select: { cognitoSub: true } });
        const event = purchaseEvent(
          {
            orderId: order.id,
            orderNumber: order.number.toString(),
            userId: account.cognitoSub,
            currency,
            subtotalCents,
            shippingCents: shipping,
            shippingMethod: SHIPPING_METHODS[shippingMethod].label,
            items: lines.map(({ product, quantity }) => ({ ...toProductRef(product), quantity })),
          },
          browser,
          order.placedAt,
        );
        await tx.eventOutbox.create({ data: { eventId: event.event_id, eventName: event.event_name, event } });
        // The stock each line took is a catalog change: the warehouse learns it from the shop.
        await announceProducts(tx, { id: { in: lines.map((line) => line.product.id) } }, order.placedAt);
        await tx.cartItem.deleteMany({ where: { cartId: cart.id } });

        return {
          ok: true,
          orderId: order.id,
          orderNumber: order.number.toString(),
          productSlugs: lines.map((line) => line.product.slug),
          totalCents: subtotalCents + shipping,
          currency,
          repeated: false,
        };
      },
      // Many buyers at once queue for connections and row locks: wait rather than fail.
      { maxWait: 15_000, timeout: 20_000 },
    );
  } catch (error) {
    if (error instanceof CheckoutRefused) return { ok: false, message: error.message };
    if (isUniqueViolation(error)) {
      const repeated = await repeatedOrder(userId, idempotencyKey);
      if (repeated) return repeated;
    }
    throw error;
  }
}
