import { MAX_BATCH_BYTES } from "../constants.ts";

/**
 * Request headers the ingest reads: the body's type and encoding and who sent it (the local
 * ingest believes X-Forwarded-For from loopback only; Next.js sets it to the browser's address).
 */
const FORWARDED_HEADERS = ["content-type", "content-encoding", "user-agent", "x-forwarded-for"] as const;
/** The only cookies the ingest needs: the shopper's Cognito ID token, to take the user from. */
const ID_TOKEN_COOKIE = /^CognitoIdentityServiceProvider\.[^=]+\.idToken$/;
const TIMEOUT_MS = 10_000;

/** Keeps the cookies the ingest verifies the shopper with and drops the rest (cart, consent, …). */
export function idTokenCookies(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  const kept = cookieHeader
    .split(";")
    .map((part) => part.trim())
    .filter((part) => ID_TOKEN_COOKIE.test(part.slice(0, Math.max(0, part.indexOf("=")))));
  return kept.length > 0 ? kept.join("; ") : null;
}

/** Reads at most `limit` bytes of a body; null when there is more. */
async function readCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Buffer<ArrayBuffer> | null> {
  if (!body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const json = (status: number, body: Record<string, unknown>) =>
  Response.json(body, { status, headers: { "cache-control": "no-store" } });

/**
 * The first-party events path: forwards a tracker's batch to the ingest as it came (body bytes,
 * type, encoding, user agent, the shopper's ID token cookie) and answers what the ingest
 * answered. An ingest that cannot be reached is a 502, which the tracker retries.
 */
export async function forwardEvents(request: Request, ingestUrl: string): Promise<Response> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BATCH_BYTES) return json(413, { error: `batch is larger than ${MAX_BATCH_BYTES} bytes, the ingest limit` });
  const body = await readCapped(request.body, MAX_BATCH_BYTES);
  if (body === null) return json(413, { error: `batch is larger than ${MAX_BATCH_BYTES} bytes, the ingest limit` });

  const headers = new Headers();
  for (const name of FORWARDED_HEADERS) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  const cookies = idTokenCookies(request.headers.get("cookie"));
  if (cookies) headers.set("cookie", cookies);

  try {
    const answer = await fetch(ingestUrl, { method: "POST", body, headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
    return new Response(await answer.arrayBuffer(), {
      status: answer.status,
      headers: { "content-type": answer.headers.get("content-type") ?? "application/json", "cache-control": "no-store" },
    });
  } catch (error) {
    console.error("first-party events path: the ingest is unreachable", error);
    return json(502, { error: "the event ingest is unreachable; retry later" });
  }
}
