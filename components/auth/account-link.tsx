"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { hasAmplifySession } from "@/lib/auth/amplify-cookies.ts";
import { accountHref, signInHref } from "@/lib/auth/routes.ts";

const subscribe = (onChange: () => void) => {
  window.addEventListener("focus", onChange);
  return () => window.removeEventListener("focus", onChange);
};

/**
 * "Sign in" or "Account" in the header, from whether the browser holds a session cookie (a hint
 * for the link only: pages that need the shopper verify the token on the server). Pages stay
 * cacheable because the header never asks the server who is signed in.
 */
export function AccountLink({ className }: { className?: string }) {
  const signedIn = useSyncExternalStore(subscribe, () => hasAmplifySession(document.cookie), () => false);
  return signedIn ? (
    <Link href={accountHref()} className={className}>
      Account
    </Link>
  ) : (
    <Link href={signInHref()} className={className}>
      Sign in
    </Link>
  );
}
