import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { MAX_BATCH_BYTES } from "../lib/tracking/schema.ts";
import { BATCH_TOO_LARGE, decodeBody, INFLATES_TOO_LARGE } from "./decode-body.ts";

describe("decodeBody", () => {
  it("reads a body without encoding as UTF-8 text", () => {
    expect(decodeBody(Buffer.from('{"a":"é"}'), undefined)).toEqual({ ok: true, text: '{"a":"é"}' });
    expect(decodeBody(Buffer.from("x"), "identity")).toEqual({ ok: true, text: "x" });
  });

  it("inflates a gzip body", () => {
    const text = JSON.stringify({ events: "é".repeat(10_000) });
    expect(decodeBody(gzipSync(text), "gzip")).toEqual({ ok: true, text });
    expect(decodeBody(gzipSync(text), " GZIP ")).toEqual({ ok: true, text });
  });

  it("takes a gzip body that inflates to exactly the limit", () => {
    const result = decodeBody(gzipSync(Buffer.alloc(MAX_BATCH_BYTES, "a")), "gzip");
    expect(result.ok && result.text.length).toBe(MAX_BATCH_BYTES);
  });

  it("refuses a gzip bomb with 413 at once, inflating no more than the limit", () => {
    // 200 MB of zeros in under 256 KiB: 200 gzip members of 1 MiB each (gunzip reads them all).
    const bomb = Buffer.concat(Array<Buffer>(200).fill(gzipSync(Buffer.alloc(1024 * 1024), { level: 9 })));
    expect(bomb.length).toBeLessThan(MAX_BATCH_BYTES);
    expect(decodeBody(bomb, "gzip")).toEqual({ ok: false, status: 413, message: INFLATES_TOO_LARGE });
    // Stopping at the limit is far cheaper than inflating it all; timed against the full inflate
    // in this run (the best of three), never against a wall-clock bound a busy machine breaks.
    const time = (work: () => unknown) => {
      const started = performance.now();
      work();
      return performance.now() - started;
    };
    const refusing = Math.min(...[1, 2, 3].map(() => time(() => decodeBody(bomb, "gzip"))));
    const inflatingAll = time(() => gunzipSync(bomb));
    expect(refusing).toBeLessThan(inflatingAll / 10);
    expect(decodeBody(gzipSync(Buffer.alloc(MAX_BATCH_BYTES + 1, "a")), "gzip")).toMatchObject({ status: 413 });
  });

  it("refuses a body over the limit as sent, before inflating it", () => {
    expect(decodeBody(Buffer.alloc(MAX_BATCH_BYTES + 1), "gzip")).toEqual({ ok: false, status: 413, message: BATCH_TOO_LARGE });
  });

  it("answers 400 for a body that is not gzip, or is cut short", () => {
    expect(decodeBody(Buffer.from("{}"), "gzip")).toEqual({ ok: false, status: 400, message: "body is not valid gzip: incorrect header check" });
    const cut = gzipSync("x".repeat(1000)).subarray(0, 20);
    expect(decodeBody(cut, "gzip")).toMatchObject({ ok: false, status: 400, message: expect.stringMatching(/^body is not valid gzip: /) });
  });

  it("answers 415 for another content encoding", () => {
    expect(decodeBody(Buffer.from("x"), "br")).toEqual({ ok: false, status: 415, message: "content-encoding br is not supported: send gzip or no encoding" });
  });
});
