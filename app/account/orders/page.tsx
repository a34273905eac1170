import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/layout/breadcrumbs.tsx";
import { PageHeading } from "@/components/listing/page-heading.tsx";
import { OrderList } from "@/components/orders/order-list.tsx";
import { accountHref } from "@/lib/auth/routes.ts";
import { requireShopper } from "@/lib/auth/session.ts";
import { allProductsHref } from "@/lib/catalog/routes.ts";
import { listOrders } from "@/lib/orders/order-queries.ts";
import { ordersHref } from "@/lib/orders/routes.ts";

export const metadata: Metadata = { title: "Your orders", robots: { index: false, follow: false } };

export default async function OrdersPage() {
  const shopper = await requireShopper(ordersHref());
  const orders = await listOrders(shopper.id);
  return (
    <>
      <Breadcrumbs items={[{ label: "Home", href: "/" }, { label: "Account", href: accountHref() }, { label: "Orders" }]} />
      <PageHeading title="Your orders">{orders.length === 0 ? "You have not placed an order yet." : null}</PageHeading>
      {orders.length > 0 ? (
        <OrderList orders={orders} />
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
