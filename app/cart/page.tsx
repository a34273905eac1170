import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/layout/breadcrumbs.tsx";
import { PageHeading } from "@/components/listing/page-heading.tsx";
import { CartLines } from "@/components/cart/cart-lines.tsx";
import { TrackOnView } from "@/components/tracking/track-on-view.tsx";
import { cartEventItems } from "@/lib/cart/cart-event.ts";
import { readCart } from "@/lib/cart/cart-store.ts";
import { currentCartRef } from "@/lib/cart/current-cart.ts";
import { allProductsHref } from "@/lib/catalog/routes.ts";

export const metadata: Metadata = { title: "Your cart", robots: { index: false, follow: false } };

export default async function CartPage() {
  const cart = await readCart(await currentCartRef());
  return (
    <>
      <Breadcrumbs items={[{ label: "Home", href: "/" }, { label: "Cart" }]} />
      <PageHeading title="Your cart">
        {cart.itemCount === 0 ? "Your cart is empty." : `${cart.itemCount} ${cart.itemCount === 1 ? "item" : "items"}.`}
      </PageHeading>
      <TrackOnView name="cart_view" properties={cartEventItems(cart)} />
      {cart.lines.length > 0 ? (
        <CartLines cart={cart} />
      ) : (
        <p>
          <Link href={allProductsHref()} className="button">
            Browse products
          </Link>
        </p>
      )}
    </>
  );
}
