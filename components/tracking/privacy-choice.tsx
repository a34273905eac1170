"use client";

import { useSyncExternalStore } from "react";
import { consentState, setConsent } from "@/lib/tracking/browser";

const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
// A string, so an unchanged state is the same snapshot; "" on the server, which cannot know.
const snapshot = () => {
  const state = consentState();
  return `${state.tracking ? "on" : "off"}|${state.choice ?? ""}`;
};

/**
 * The shopper's analytics choice, changeable at any time: says what happens now (including when
 * Do Not Track or Global Privacy Control turned it off) and switches it.
 */
export function PrivacyChoice() {
  const current = useSyncExternalStore(subscribe, snapshot, () => "");
  if (current === "") return null;
  const [tracking, choice] = current.split("|");
  const on = tracking === "on";
  const toggle = () => {
    setConsent(!on);
    for (const listener of listeners) listener();
  };
  const why = choice ? "as you chose" : on ? "" : "because your browser asks not to be tracked";
  return (
    <p>
      <span role="status">
        Shop analytics {on ? "on" : "off"}
        {why ? `, ${why}` : ""}.
      </span>{" "}
      <button type="button" className="link-button" onClick={toggle}>
        {on ? "Turn analytics off" : "Turn analytics on"}
      </button>
    </p>
  );
}
