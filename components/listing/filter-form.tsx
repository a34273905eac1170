"use client";

import type { Route } from "next";
import { useRouter } from "next/navigation";
import type { FormEvent, ReactNode } from "react";

/**
 * The filter panel's form. Without JavaScript it is a plain GET form; with it, a checkbox applies
 * at once and the URL is built without empty fields, as a client-side navigation.
 */
export function FilterForm({ action, children }: { action: string; children: ReactNode }) {
  const router = useRouter();
  const apply = (form: HTMLFormElement) => {
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === "string" && value.trim() !== "") query.append(name, value.trim());
    }
    const search = query.toString();
    router.push((search ? `${action}?${search}` : action) as Route, { scroll: false });
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply(event.currentTarget);
  };
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    if (event.target instanceof HTMLInputElement && event.target.type === "checkbox") apply(event.currentTarget);
  };
  return (
    <form method="get" action={action} onSubmit={onSubmit} onChange={onChange} aria-label="Filter products">
      {children}
    </form>
  );
}
