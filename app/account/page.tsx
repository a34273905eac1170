import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/layout/breadcrumbs.tsx";
import { PageHeading } from "@/components/listing/page-heading.tsx";
import { OrderList } from "@/components/orders/order-list.tsx";
import { signOutAction } from "@/lib/auth/actions.ts";
import { accountHref } from "@/lib/auth/routes.ts";
import { requireShopper } from "@/lib/auth/session.ts";
import { listOrders } from "@/lib/orders/order-queries.ts";
import { ordersHref } from "@/lib/orders/routes.ts";
import { wishlistHref } from "@/lib/wishlist/routes.ts";
import styles from "./account.module.css";

export const metadata: Metadata = { title: "Your account", robots: { index: false, follow: false } };

export default async function AccountPage() {
  const shopper = await requireShopper(accountHref());
  const recent = await listOrders(shopper.id, 3);
  return (
    <>
      <Breadcrumbs items={[{ label: "Home", href: "/" }, { label: "Account" }]} />
      <PageHeading title="Your account">Signed in as {shopper.email}.</PageHeading>
      <ul className={styles.links}>
        <li>
          <Link href={ordersHref()}>Your orders</Link>
        </li>
        <li>
          <Link href={wishlistHref()}>Your wishlist</Link>
        </li>
      </ul>
      <section aria-labelledby="recent-orders">
        <h2 id="recent-orders">Recent orders</h2>
        {recent.length > 0 ? <OrderList orders={recent} /> : <p>No orders yet.</p>}
      </section>
      <form action={signOutAction} className={styles.signOut}>
        <button type="submit" className="button button-secondary">
          Sign out
        </button>
      </form>
    </>
  );
}
