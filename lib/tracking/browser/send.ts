import { FETCH_TIMEOUT_MS } from "./limits.ts";
import { envelope, removeKeys, type Entry } from "./queue.ts";

/**
 * Posts a batch and removes from the queue what the answer settles: everything after a 2xx
 * (events it rejected would be rejected again) or another 4xx, only the events a 400 rejects
 * by index. Resolves true when the batch must be sent again later: no answer, 408, 429, 5xx.
 * A 413 splits the batch in halves until one event is refused alone (and dropped).
 */
export async function send(endpoint: string, batch: readonly Entry[]): Promise<boolean> {
  let status = 0;
  let text = "";
  try {
    // A string body goes as text/plain: a CORS "simple" request, no preflight before every
    // batch. Credentials carry the sign-in cookie the ingest takes the user from.
    const response = await fetch(endpoint, { method: "POST", body: envelope(batch), keepalive: true, credentials: "include", signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    status = response.status;
    text = await response.text();
  } catch {
    // no answer
  }
  const half = batch.length >> 1;
  if (status == 413 && half) return (await send(endpoint, batch.slice(0, half))) || send(endpoint, batch.slice(half));
  if (!status || status == 408 || status == 429 || status > 499) return true;
  let settled = batch.map((entry) => entry[0]);
  try {
    const rejected = (JSON.parse(text) as { rejected: { index: number }[] }).rejected.map((entry) => settled[entry.index] ?? "");
    if (status == 400 && rejected[0]) settled = rejected;
  } catch {
    // no list of rejected events
  }
  removeKeys(settled);
  return false;
}
