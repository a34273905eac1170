"use client";

import { useEffect } from "react";
import { trackPageEvent } from "@/lib/tracking/browser";
import type { BrowserEventName, EventProperties } from "@/lib/tracking/schema";

/** Records one event when the page showing it is seen (again on a new page, not on re-render). */
export function TrackOnView<N extends BrowserEventName>({ name, properties }: { name: N; properties: EventProperties<N> }) {
  const signature = JSON.stringify(properties);
  useEffect(() => {
    trackPageEvent(name, JSON.parse(signature) as EventProperties<N>);
  }, [name, signature]);
  return null;
}
