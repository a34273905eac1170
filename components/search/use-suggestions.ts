"use client";

import { useEffect, useState } from "react";
import { MIN_SUGGEST_LENGTH } from "@/lib/search/limits.ts";
import { suggestResponseSchema, type ProductSuggestion } from "@/lib/search/suggestions.ts";

/** How long typing must pause before suggestions are asked for. */
export const SUGGEST_DEBOUNCE_MS = 150;

export interface Suggestions {
  /** The query these suggestions answer ("" before the first answer). */
  query: string;
  suggestions: ProductSuggestion[];
}

const NONE: Suggestions = { query: "", suggestions: [] };

/**
 * Suggestions for `query` from GET /api/search/suggest, asked for once typing pauses; an answer
 * to an older query is dropped (its request aborted). Until the new answer arrives the previous
 * one stays, so the list does not flicker while typing. Failures show no suggestions: the form
 * still submits to the results page.
 */
export function useSuggestions(query: string): Suggestions {
  const [answer, setAnswer] = useState<Suggestions>(NONE);
  const wanted = query.trim();
  const enough = [...wanted].length >= MIN_SUGGEST_LENGTH;

  useEffect(() => {
    if (!enough) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/search/suggest?${new URLSearchParams({ q: wanted }).toString()}`, {
          signal: controller.signal,
          headers: { accept: "application/json" },
        });
        const parsed = suggestResponseSchema.safeParse(response.ok ? await response.json() : null);
        setAnswer({ query: wanted, suggestions: parsed.success ? parsed.data.suggestions : [] });
      } catch (error) {
        if (!controller.signal.aborted) {
          console.warn("search: suggestions unavailable", error);
          setAnswer({ query: wanted, suggestions: [] });
        }
      }
    }, SUGGEST_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [wanted, enough]);

  return enough ? answer : NONE;
}
