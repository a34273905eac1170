import http from "node:http";
import { gzipSync } from "node:zlib";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BATCH_BYTES } from "../../lib/tracking/schema.ts";
import { startIngestAdapter, type IngestAdapterPart } from "./ingest-adapter.ts";

// The local stand-in for API Gateway: what it answers before the handler is reached. The
// handler here only counts calls; ingest/ingest.integration.test.ts runs the real one behind it.
let adapter: IngestAdapterPart;
const calls: APIGatewayProxyEventV2[] = [];

beforeAll(async () => {
  adapter = await startIngestAdapter({
    port: 0,
    allowedOrigins: [],
    handler: async (event) => {
      calls.push(event);
      return { statusCode: 200, body: "{}" };
    },
  });
});
afterAll(() => adapter?.stop());

/** Sends `chunks` without a Content-Length (chunked), and never ends the body unless told to. */
function streamingPost(chunks: Buffer[], end: boolean): Promise<{ status: number; body: string; request: http.ClientRequest }> {
  return new Promise((resolve, reject) => {
    const request = http.request(adapter.url, { method: "POST", headers: { "content-type": "text/plain" } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body, request }));
    });
    request.on("error", reject);
    for (const chunk of chunks) request.write(chunk);
    if (end) request.end();
  });
}

describe("ingest adapter", () => {
  it("answers 413 naming the limit for a body over it, without calling the handler", async () => {
    const before = calls.length;
    const response = await fetch(adapter.url, { method: "POST", body: "x".repeat(1024 * 1024) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toContain(`${MAX_BATCH_BYTES} bytes`);
    expect(calls.length).toBe(before);
  });

  it("answers 413 as soon as a streamed body passes the limit, without waiting for the rest", async () => {
    const { status, body, request } = await streamingPost([Buffer.alloc(MAX_BATCH_BYTES + 1024, "x")], false);
    request.destroy();
    expect(status).toBe(413);
    expect(body).toContain(`${MAX_BATCH_BYTES} bytes`);
  });

  it("answers 413 from a declared length alone, before any of the body arrives", async () => {
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const request = http.request(adapter.url, { method: "POST", headers: { "content-length": String(10 * 1024 * 1024) } }, resolve);
      request.on("error", reject);
      request.flushHeaders();
    });
    expect(response.statusCode).toBe(413);
    response.destroy();
  });

  it("passes a body at the limit to the handler", async () => {
    const before = calls.length;
    const { status } = await streamingPost([Buffer.alloc(MAX_BATCH_BYTES, "y")], true);
    expect(status).toBe(200);
    expect(calls.length).toBe(before + 1);
    expect(Buffer.from(calls.at(-1)?.body ?? "", "base64").length).toBe(MAX_BATCH_BYTES);
  });

  it("hands the handler API Gateway's event: base64 body as sent, cookies apart, the client's address", async () => {
    const gzipped = gzipSync('{"schema_version":2}');
    const response = await fetch(adapter.url, {
      method: "POST",
      body: gzipped,
      headers: {
        "content-encoding": "gzip",
        cookie: "a=1; CognitoIdentityServiceProvider.c.u.idToken=t",
        authorization: "Bearer x",
        "user-agent": "adapter-test/1",
        "x-forwarded-for": "81.2.69.142",
      },
    });
    expect(response.status).toBe(200);
    const event = calls.at(-1);
    expect(event?.isBase64Encoded).toBe(true);
    expect(Buffer.from(event?.body ?? "", "base64")).toEqual(gzipped);
    expect(event?.headers).toMatchObject({ "content-encoding": "gzip", authorization: "Bearer x", "x-forwarded-for": "81.2.69.142" });
    expect(event?.headers.cookie).toBeUndefined();
    expect(event?.cookies).toEqual(["a=1", "CognitoIdentityServiceProvider.c.u.idToken=t"]);
    expect(event?.requestContext.http).toMatchObject({ method: "POST", sourceIp: "127.0.0.1", userAgent: "adapter-test/1" });
  });

  it("takes the client's address from the sourceIp option when given", async () => {
    const other = await startIngestAdapter({
      port: 0,
      allowedOrigins: [],
      sourceIp: () => "198.51.100.7",
      handler: async (event) => ({ statusCode: 200, body: event.requestContext.http.sourceIp }),
    });
    try {
      expect(await (await fetch(other.url, { method: "POST", body: "{}" })).text()).toBe("198.51.100.7");
    } finally {
      await other.stop();
    }
  });

  it("allows gzip bodies and the ID token header in CORS preflights", async () => {
    const preflight = await fetch(adapter.url, { method: "OPTIONS", headers: { origin: "http://shop.test", "access-control-request-method": "POST" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toBe("content-type, content-encoding, authorization");
  });

  it("answers 405 with Allow for another method on the route, and 404 elsewhere", async () => {
    for (const method of ["GET", "PUT", "DELETE"]) {
      const response = await fetch(adapter.url, { method });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST, OPTIONS");
    }
    expect((await fetch(new URL("/v1/other", adapter.url), { method: "POST", body: "{}" })).status).toBe(404);
  });
});
