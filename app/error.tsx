"use client";

import Link from "next/link";
import { useEffect } from "react";
import { StatusMessage } from "@/components/status/status-message.tsx";

function digestOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("digest" in error)) return undefined;
  return typeof error.digest === "string" ? error.digest : undefined;
}

/** Shown when a page fails to render (the database is unreachable, for example). */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = digestOf(error);

  return (
    <StatusMessage
      code="Error"
      title="Something went wrong"
      actions={
        <>
          <button type="button" className="button" onClick={() => retry()}>
            Try again
          </button>
          <Link href="/" className="button button-secondary">
            Go to the home page
          </Link>
        </>
      }
    >
      We couldn’t load this page. Please try again in a moment.
      {digest ? <span className="visually-hidden"> Reference {digest}.</span> : null}
    </StatusMessage>
  );
}
