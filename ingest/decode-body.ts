import { gunzipSync } from "node:zlib";
import { MAX_BATCH_BYTES } from "../lib/tracking/schema.ts";

const KIB = MAX_BATCH_BYTES / 1024;

/** Why a body over the limit is refused (413), here and in the local API Gateway adapter. */
export const BATCH_TOO_LARGE = `batch is larger than ${MAX_BATCH_BYTES} bytes (${KIB} KiB), the ingest limit`;
export const INFLATES_TOO_LARGE = `gzip body inflates to more than ${MAX_BATCH_BYTES} bytes (${KIB} KiB), the ingest limit`;

export type DecodedBody = { ok: true; text: string } | { ok: false; status: 400 | 413 | 415; message: string };

/**
 * The request body as text, from its bytes and Content-Encoding (none or gzip). Inflating stops
 * one byte past the limit, so a small body that would inflate to gigabytes is refused at once
 * and never takes more memory than the limit.
 */
export function decodeBody(bytes: Buffer, contentEncoding: string | null | undefined): DecodedBody {
  if (bytes.length > MAX_BATCH_BYTES) return { ok: false, status: 413, message: BATCH_TOO_LARGE };
  const encoding = (contentEncoding ?? "").trim().toLowerCase();
  if (encoding === "" || encoding === "identity") return { ok: true, text: bytes.toString("utf8") };
  if (encoding !== "gzip" && encoding !== "x-gzip") {
    return { ok: false, status: 415, message: `content-encoding ${encoding.slice(0, 40)} is not supported: send gzip or no encoding` };
  }
  let inflated: Buffer;
  try {
    inflated = gunzipSync(bytes, { maxOutputLength: MAX_BATCH_BYTES + 1 });
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, status: 413, message: INFLATES_TOO_LARGE };
    return { ok: false, status: 400, message: `body is not valid gzip: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (inflated.length > MAX_BATCH_BYTES) return { ok: false, status: 413, message: INFLATES_TOO_LARGE };
  return { ok: true, text: inflated.toString("utf8") };
}
