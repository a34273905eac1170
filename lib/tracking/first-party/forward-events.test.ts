import { existsSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BATCH_BYTES } from "../constants.ts";
import { FIRST_PARTY_EVENTS_PATH } from "./events-path.ts";
import { forwardEvents, idTokenCookies } from "./forward-events.ts";

// A stand-in ingest that records what arrived and answers 200 with the body's length.
let server: Server;
let ingestUrl: string;
let received: { headers: IncomingHttpHeaders; body: Buffer } | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received = { headers: req.headers, body: Buffer.concat(chunks) };
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ accepted: 1, rejected: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  ingestUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/events`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://shop.test/cs/e", { method: "POST", body, headers: { "content-type": "text/plain;charset=UTF-8", ...headers } });

describe("forwardEvents", () => {
  it("forwards the body bytes, encoding, user agent, forwarded address and only the ID token cookie", async () => {
    const gz = gzipSync('{"schema_version":2}');
    const cookie = "cs_cart=abc; CognitoIdentityServiceProvider.client1.alice%40example.com.idToken=eyJ.x.y; cs_consent=granted";
    const answer = await forwardEvents(post(gz, { "content-encoding": "gzip", "user-agent": "UA/1", "x-forwarded-for": "81.2.69.142", cookie }), ingestUrl);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ accepted: 1, rejected: [] });
    expect(received?.body.equals(gz)).toBe(true);
    expect(received?.headers).toMatchObject({ "content-encoding": "gzip", "user-agent": "UA/1", "x-forwarded-for": "81.2.69.142" });
    expect(received?.headers.cookie).toBe("CognitoIdentityServiceProvider.client1.alice%40example.com.idToken=eyJ.x.y");
  });

  it("refuses a body over the ingest's limit without forwarding it", async () => {
    received = undefined;
    const answer = await forwardEvents(post("x".repeat(MAX_BATCH_BYTES + 1)), ingestUrl);
    expect(answer.status).toBe(413);
    expect(received).toBeUndefined();
  });

  it("answers 502 when the ingest cannot be reached, so the tracker retries", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const answer = await forwardEvents(post("{}"), `http://127.0.0.1:${port}/v1/events`);
    expect(answer.status).toBe(502);
  });

  it("is served by the shop at the path the tracker posts to", () => {
    expect(existsSync(new URL(`../../../app${FIRST_PARTY_EVENTS_PATH}/route.ts`, import.meta.url))).toBe(true);
  });
});

describe("idTokenCookies", () => {
  it("keeps nothing when no ID token is there", () => {
    expect(idTokenCookies("a=1; CognitoIdentityServiceProvider.c.u.accessToken=t")).toBeNull();
    expect(idTokenCookies(null)).toBeNull();
  });
});
