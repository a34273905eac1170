import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/layout/breadcrumbs.tsx";
import { PageHeading } from "@/components/listing/page-heading.tsx";
import { OrderDetailView } from "@/components/orders/order-detail.tsx";
import styles from "@/components/orders/orders.module.css";
import { accountHref } from "@/lib/auth/routes.ts";
import { requireShopper } from "@/lib/auth/session.ts";
import { getOrder } from "@/lib/orders/order-queries.ts";
import { orderHref, ordersHref } from "@/lib/orders/routes.ts";

export const metadata: Metadata = { title: "Order", robots: { index: false, follow: false } };

interface OrderPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function OrderPage({ params, searchParams }: OrderPageProps) {
  const { id } = await params;
  const shopper = await requireShopper(orderHref(id));
  // Another shopper's order is "not found", exactly like one that does not exist.
  const order = await getOrder(shopper.id, id);
  if (!order) notFound();
  const justPlaced = (await searchParams).placed === "1";
  return (
    <>
      <Breadcrumbs
        items={[{ label: "Home", href: "/" }, { label: "Account", href: accountHref() }, { label: "Orders", href: ordersHref() }, { label: `#${order.number}` }]}
      />
      {justPlaced ? (
        <div role="status" className={styles.banner}>
          <strong>Thank you! Your order #{order.number} is placed.</strong>
          <p>No payment was taken: this shop records orders as placed without charging a card.</p>
        </div>
      ) : null}
      <PageHeading title={`Order #${order.number}`} />
      <OrderDetailView order={order} />
    </>
  );
}
