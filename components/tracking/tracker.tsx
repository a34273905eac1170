"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { Suspense, useEffect } from "react";
import { setEndpoint, trackPageEvent } from "@/lib/tracking/browser";

function PageViews() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  useEffect(() => {
    trackPageEvent("page_view", {});
  }, [pathname, search]);
  return null;
}

/** Starts the browser tracker and sends a page_view for every route the shopper sees. */
export function Tracker({ endpoint }: { endpoint: string }) {
  useEffect(() => {
    setEndpoint(endpoint);
  }, [endpoint]);
  return (
    <Suspense fallback={null}>
      <PageViews />
    </Suspense>
  );
}
