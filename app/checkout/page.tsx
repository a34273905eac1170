import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/layout/breadcrumbs.tsx";
import { PageHeading } from "@/components/listing/page-heading.tsx";
import { CheckoutForm } from "@/components/checkout/checkout-form.tsx";
import { OrderLines } from "@/components/orders/order-lines.tsx";
import { requireShopper } from "@/lib/auth/session.ts";
import { TrackOnView } from "@/components/tracking/track-on-view.tsx";
import { cartEventItems } from "@/lib/cart/cart-event.ts";
import { readCart } from "@/lib/cart/cart-store.ts";
import { cartHref } from "@/lib/cart/routes.ts";
import { allProductsHref } from "@/lib/catalog/routes.ts";
import { checkoutHref } from "@/lib/orders/routes.ts";
import { shippingCents, SHIPPING_METHOD_IDS, SHIPPING_METHODS } from "@/lib/orders/shipping.ts";

export const metadata: Metadata = { title: "Checkout", robots: { index: false, follow: false } };

export default async function CheckoutPage() {
  const shopper = await requireShopper(checkoutHref());
  const cart = await readCart({ userId: shopper.id });
  const crumbs = <Breadcrumbs items={[{ label: "Home", href: "/" }, { label: "Cart", href: cartHref() }, { label: "Checkout" }]} />;

  if (cart.lines.length === 0) {
    return (
      <>
        {crumbs}
        <PageHeading title="Checkout">Your cart is empty.</PageHeading>
        <p>
          <Link href={allProductsHref()} className="button">
            Browse products
          </Link>
        </p>
      </>
    );
  }

  const shortOfStock = cart.lines.filter((line) => line.exceedsStock);
  return (
    <>
      {crumbs}
      <PageHeading title="Checkout">
        {cart.itemCount} {cart.itemCount === 1 ? "item" : "items"} for {shopper.email}.
      </PageHeading>
      {shortOfStock.length > 0 ? (
        <p role="alert">
          {shortOfStock.map((line) => line.product.name).join(", ")} {shortOfStock.length === 1 ? "has" : "have"} less stock than your cart
          holds. <Link href={cartHref()}>Change your cart</Link> to order.
        </p>
      ) : null}
      <TrackOnView name="begin_checkout" properties={cartEventItems(cart)} />
      <section aria-labelledby="review-heading">
        <h2 id="review-heading">Review your items</h2>
        <OrderLines
          label="Items to order"
          currency={cart.currency}
          lines={cart.lines.map((line) => ({
            key: line.product.id,
            slug: line.product.slug,
            name: line.product.name,
            quantity: line.quantity,
            unitPriceCents: line.product.priceCents,
            lineTotalCents: line.lineTotalCents,
          }))}
        />
        <p>
          <Link href={cartHref()}>Change your cart</Link>
        </p>
      </section>
      <CheckoutForm
        idempotencyKey={randomUUID()}
        subtotalCents={cart.subtotalCents}
        currency={cart.currency}
        choices={SHIPPING_METHOD_IDS.map((id) => ({ ...SHIPPING_METHODS[id], costCents: shippingCents(id, cart.subtotalCents) }))}
      />
    </>
  );
}
