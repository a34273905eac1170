import { v4 as uuidv4, v7 as uuidv7 } from "uuid";
import { ANONYMOUS_ID_COOKIE as ANONYMOUS_KEY, SESSION_ID_COOKIE as SESSION_KEY } from "./identity-keys.ts";

export const SESSION_TIMEOUT_MS = 30 * 60 * 1000;

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Storage that may be missing or throw (private mode, disabled cookies): falls back to memory. */
export function safeStore(get: () => KeyValueStore | undefined): KeyValueStore {
  const memory = new Map<string, string>();
  return {
    getItem(key) {
      try {
        return get()?.getItem(key) ?? memory.get(key) ?? null;
      } catch {
        return memory.get(key) ?? null;
      }
    },
    setItem(key, value) {
      memory.set(key, value);
      try {
        get()?.setItem(key, value);
      } catch {
        // memory keeps it for this page
      }
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The visitor's lasting anonymous id: created once, kept in storage. */
export function anonymousId(store: KeyValueStore): string {
  const existing = store.getItem(ANONYMOUS_KEY);
  if (existing && UUID.test(existing)) return existing;
  const id = uuidv4();
  store.setItem(ANONYMOUS_KEY, id);
  return id;
}

/**
 * The current session id: a new one after SESSION_TIMEOUT_MS without events. Shared by every tab
 * through storage, like the session of a web analytics tool.
 */
export function touchSession(store: KeyValueStore, now: number): string {
  const raw = store.getItem(SESSION_KEY);
  let current: { id: string; last: number } | null = null;
  if (raw) {
    const [id, last] = raw.split("|");
    if (id && UUID.test(id) && Number.isFinite(Number(last))) current = { id, last: Number(last) };
  }
  const id = current && now - current.last < SESSION_TIMEOUT_MS ? current.id : uuidv7();
  store.setItem(SESSION_KEY, `${id}|${now}`);
  return id;
}
