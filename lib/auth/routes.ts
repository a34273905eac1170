import type { Route } from "next";
import { safeReturnTo } from "./return-to.ts";

export const accountHref = (): Route => "/account" as Route;

export function signInHref(returnTo?: string, mode: "sign-in" | "sign-up" = "sign-in"): Route {
  const query = new URLSearchParams();
  if (returnTo) query.set("next", safeReturnTo(returnTo));
  if (mode === "sign-up") query.set("mode", "sign-up");
  const search = query.toString();
  return `/sign-in${search ? `?${search}` : ""}` as Route;
}
