import Link from "next/link";
import { AccountLink } from "@/components/auth/account-link.tsx";
import { CartLink } from "@/components/cart/cart-link.tsx";
import { SearchBox } from "@/components/search/search-box.tsx";
import type { CategoryRef } from "@/lib/catalog/types.ts";
import { CategoryNav } from "./category-nav.tsx";
import { Logo } from "./logo.tsx";
import styles from "./site-header.module.css";

export function SiteHeader({ categories }: { categories: CategoryRef[] }) {
  return (
    <header className={styles.header}>
      <div className={`container ${styles.bar}`}>
        <Link href="/" className={styles.brand}>
          <Logo className={styles.logo} />
          <span className={styles.wordmark}>CompuShop</span>
          <span className="visually-hidden">, home</span>
        </Link>
        <SearchBox />
        <nav aria-label="Your shop" className={styles.tools}>
          <AccountLink className={styles.account} />
          <CartLink />
        </nav>
      </div>
      <div className={styles.navRow}>
        <div className="container">
          <CategoryNav categories={categories} />
        </div>
      </div>
    </header>
  );
}
