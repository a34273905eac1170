"use client";

import Form from "next/form";
import type { Route } from "next";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Suspense, useId, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { formatPrice } from "@/lib/format/price.ts";
import { nextActiveIndex } from "@/lib/search/combobox-keys.ts";
import type { ProductSuggestion } from "@/lib/search/suggestions.ts";
import { MAX_QUERY_LENGTH } from "@/lib/search/limits.ts";
import { useSuggestions } from "./use-suggestions.ts";
import styles from "./search-box.module.css";

/**
 * The header's search: a GET form to /search (all it is without JavaScript), enhanced into an
 * ARIA combobox (WAI-ARIA APG "editable combobox with list autocomplete") offering products as
 * one types. On the results page it shows the query searched for.
 */
export function SearchBox() {
  return (
    <Suspense fallback={<SearchCombobox initialQuery="" />}>
      <SearchBoxForPage />
    </Suspense>
  );
}

function SearchBoxForPage() {
  const pathname = usePathname();
  const params = useSearchParams();
  const query = pathname === "/search" ? (params.get("q") ?? "") : "";
  // A new query in the URL (a search, the back button) starts the box afresh with it.
  return <SearchCombobox key={query} initialQuery={query} />;
}

const noSubscription = () => () => {};

/** False in the server's HTML (and while hydrating), true once this runs in a browser. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

function announcement(query: string, suggestions: readonly ProductSuggestion[]): string {
  if (query === "") return "";
  if (suggestions.length === 0) return "No suggestions. Press Enter to search.";
  const noun = suggestions.length === 1 ? "suggestion" : "suggestions";
  return `${suggestions.length} ${noun}. Use the up and down arrows to choose one.`;
}

function SearchCombobox({ initialQuery }: { initialQuery: string }) {
  const router = useRouter();
  // Without JavaScript the input is a plain search field: it only becomes a combobox once the
  // script that makes it one runs.
  const hydrated = useHydrated();
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;

  const [value, setValue] = useState(initialQuery);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const { query, suggestions } = useSuggestions(value);
  const expanded = open && suggestions.length > 0;
  const activeIndex = expanded && active < suggestions.length ? active : -1;

  const choose = (suggestion: ProductSuggestion) => {
    setOpen(false);
    setActive(-1);
    setValue("");
    router.push(suggestion.href as Route);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp":
        if (suggestions.length === 0) return;
        event.preventDefault();
        if (!expanded) {
          setOpen(true);
          setActive(event.key === "ArrowDown" ? 0 : suggestions.length - 1);
        } else {
          setActive(nextActiveIndex(event.key, activeIndex, suggestions.length));
        }
        return;
      case "Enter": {
        const suggestion = activeIndex >= 0 ? suggestions[activeIndex] : undefined;
        if (suggestion) {
          event.preventDefault();
          choose(suggestion);
        }
        return; // otherwise the form submits to the results page
      }
      case "Escape":
        event.preventDefault();
        if (expanded) {
          setOpen(false);
          setActive(-1);
        } else {
          setValue("");
        }
        return;
    }
  };

  return (
    <Form action={"/search" as Route} role="search" className={styles.form} onSubmit={() => setOpen(false)}>
      <label htmlFor={inputId} className="visually-hidden">
        Search products
      </label>
      <div className={styles.field}>
        <input
          id={inputId}
          className={styles.input}
          type="search"
          name="q"
          value={value}
          placeholder="Search products, brands, categories"
          maxLength={MAX_QUERY_LENGTH}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          enterKeyHint="search"
          {...(hydrated
            ? {
                role: "combobox",
                "aria-autocomplete": "list",
                "aria-expanded": expanded,
                "aria-controls": listId,
                "aria-activedescendant": activeIndex >= 0 ? optionId(activeIndex) : undefined,
              }
            : {})}
          onChange={(event) => {
            setValue(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
          }}
        />
        <ul id={listId} role="listbox" aria-label="Suggested products" className={styles.list} hidden={!expanded || !hydrated}>
          {suggestions.map((suggestion, index) => (
            <li
              key={suggestion.slug}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              className={styles.option}
              // Keeps focus in the input, so the list is still there when the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => setActive(index)}
              onClick={() => choose(suggestion)}
            >
              <span className={styles.name}>{suggestion.name}</span>
              <span className={styles.meta}>
                {suggestion.brand} · {suggestion.category}
              </span>
              <span className={styles.price}>{formatPrice(suggestion.priceCents, suggestion.currency)}</span>
            </li>
          ))}
        </ul>
      </div>
      <button type="submit" className={styles.submit}>
        <svg className={styles.icon} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="10.5" cy="10.5" r="6.5" />
          <path d="m15.5 15.5 5 5" />
        </svg>
        <span className="visually-hidden">Search</span>
      </button>
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {open && query === value.trim() ? announcement(query, suggestions) : ""}
      </p>
    </Form>
  );
}
