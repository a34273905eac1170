"use client";

import { useEffect } from "react";
import "./globals.css";

/** Replaces the root layout when the layout itself fails (e.g. the database is down). */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <html lang="en">
      <body>
        <title>Something went wrong · CompuShop</title>
        <main className="site-main">
          <div className="container" style={{ maxWidth: "40rem", paddingBlock: "4rem", display: "grid", gap: "1rem" }}>
            <p style={{ fontWeight: 800, fontSize: "1.25rem" }}>CompuShop</p>
            <h1>Something went wrong</h1>
            <p>The shop is having trouble right now. Please try again in a moment.</p>
            <p style={{ display: "flex", gap: "0.75rem", flexWrap: "wrap" }}>
              <button type="button" className="button" onClick={() => retry()}>
                Try again
              </button>
              {/* A full page load: the client router is part of what failed. */}
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
              <a href="/" className="button button-secondary">
                Go to the home page
              </a>
            </p>
          </div>
        </main>
      </body>
    </html>
  );
}
