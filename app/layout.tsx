import type { Metadata, Viewport } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer.tsx";
import { SiteHeader } from "@/components/layout/site-header.tsx";
import { Tracker } from "@/components/tracking/tracker.tsx";
import { listCategories } from "@/lib/catalog/cached-queries.ts";
import { shopEnv } from "@/lib/config/shop-env.ts";
import { FIRST_PARTY_EVENTS_PATH } from "@/lib/tracking/first-party/events-path.ts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "CompuShop — computers, parts and peripherals", template: "%s · CompuShop" },
  description: "Laptops, desktops, processors, graphics cards, memory, storage, monitors, peripherals and networking gear.",
  applicationName: "CompuShop",
  // Served from public/: the SVG mark, a PNG for browsers without SVG icons, and favicon.ico for
  // clients that only ever ask for /favicon.ico.
  icons: {
    icon: [
      { url: "/favicon.svg", type: "image/svg+xml" },
      { url: "/favicon.png", type: "image/png", sizes: "32x32" },
    ],
    apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
  },
  manifest: "/manifest.webmanifest",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#111a2e" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The layout reads the database and the running server's environment, so no page may be
  // prerendered at build time (the build has no database, and one build serves every stage):
  // each page either calls connection() or, as product pages do, renders on its first visit.
  // A bad configuration fails every page loudly rather than only the events path, quietly.
  shopEnv();
  // The category menu is not worth failing every page for: without it the page itself still
  // renders, or fails into app/error.tsx inside the shop's header and footer.
  // The build has no database: it prerenders only the bare 404 page for unknown URLs, whose menu
  // stays empty (a product's own "not found" renders at request time, with its menu).
  const categories = await (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD ? Promise.resolve([]) : listCategories()).then(
    (all) => all.map(({ slug, name }) => ({ slug, name })),
    (error: unknown) => {
      console.error("layout: the category menu is unavailable", error);
      return [];
    },
  );

  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <SiteHeader categories={categories} />
        <main id="main" tabIndex={-1} className="site-main">
          <div className="container">{children}</div>
        </main>
        <SiteFooter categories={categories} year={new Date().getFullYear()} />
        <Tracker endpoint={FIRST_PARTY_EVENTS_PATH} />
      </body>
    </html>
  );
}
