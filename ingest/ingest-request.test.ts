import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { idTokenCookie, lastAuthUserCookie } from "../lib/auth/amplify-cookies.ts";
import { rawEventRecordSchema, type RawEventRecord } from "../lib/tracking/schema.ts";
import { signBody } from "../lib/tracking/server/signature.ts";
import { batchBody, pageView, purchase } from "../lib/tracking/testing/event-factory.ts";
import { proxyTrust } from "./client-origin.ts";
import { INFLATES_TOO_LARGE } from "./decode-body.ts";
import type { GeoLookup } from "./geo/dbip-lookup.ts";
import { ingestRequest, type IngestDeps, type IngestHttpRequest } from "./ingest-request.ts";
import { localIdTokens, TEST_CLIENT_ID, type LocalIdTokens } from "./testing/local-id-tokens.ts";
import { MemoryLake } from "./testing/memory-lake.ts";

const SECRET = "ingest-request-test-secret-0123456789abcdef";
let pool: LocalIdTokens;
beforeAll(async () => {
  pool = await localIdTokens();
});

function post(body: string | Buffer, headers: Record<string, string> = {}, sourceIp: string | null = "198.51.100.23"): IngestHttpRequest {
  return { method: "POST", headers: { "user-agent": "test/1", ...headers }, body: Buffer.isBuffer(body) ? body : Buffer.from(body), sourceIp };
}

function setup(overrides: Partial<IngestDeps> = {}) {
  const lake = new MemoryLake();
  const deps: IngestDeps = { store: lake, serverEventsSecret: SECRET, idTokens: pool.check, ...overrides };
  return { lake, send: (request: IngestHttpRequest) => ingestRequest(request, deps), raw: () => lake.records("raw/").map((line) => rawEventRecordSchema.parse(line)) };
}

describe("ingestRequest", () => {
  it("writes valid events to raw/ and rejected ones to rejected/, one object each", async () => {
    const { lake, send, raw } = setup();
    const good = pageView();
    const response = await send(post(batchBody([good, { junk: true }])));
    expect(response).toEqual({ status: 200, body: { accepted: 1, rejected: [{ index: 1, reason: expect.any(String) }] } });
    expect([...lake.objects.keys()].sort()).toEqual([expect.stringMatching(/^raw\/dt=/), expect.stringMatching(/^rejected\/dt=/)]);
    expect(raw()).toEqual([expect.objectContaining({ event: good, user_agent: "test/1", client_ip: "198.51.100.0", user_id: null })]);
    expect(lake.records("rejected/")).toEqual([expect.objectContaining({ index: 1, payload: { junk: true } })]);
  });

  it("never keeps the client's full address", async () => {
    const { lake, send } = setup();
    await send(post(batchBody([pageView(), { junk: true }]), {}, "2001:db8:77:1::23"));
    const everything = JSON.stringify(lake.records("")) + [...lake.objects.keys()].join();
    expect(everything).toContain("2001:db8:77::");
    expect(everything).not.toContain("2001:db8:77:1");
    expect(lake.objects.size).toBe(2);
  });

  it("answers 405 for another method", async () => {
    const { send } = setup();
    expect(await send({ ...post(""), method: "GET" })).toEqual({ status: 405, headers: { allow: "POST, OPTIONS" }, body: { error: "method GET not allowed: POST only" } });
  });

  describe("gzip", () => {
    it("accepts a gzip body", async () => {
      const { send, raw } = setup();
      const event = pageView();
      expect(await send(post(gzipSync(batchBody([event])), { "content-encoding": "gzip" }))).toMatchObject({ status: 200, body: { accepted: 1 } });
      expect(raw().map((record) => record.event)).toEqual([event]);
    });

    it("refuses a gzip bomb with 413, storing nothing (decode-body.test.ts shows it stops early)", async () => {
      const { lake, send } = setup();
      const bomb = Buffer.concat(Array<Buffer>(200).fill(gzipSync(Buffer.alloc(1024 * 1024, " "), { level: 9 })));
      expect(await send(post(bomb, { "content-encoding": "gzip" }))).toEqual({ status: 413, body: { error: INFLATES_TOO_LARGE } });
      expect(lake.objects.size).toBe(0);
    });

    it("answers 400 for a body that is not the gzip it claims to be", async () => {
      const { send } = setup();
      expect(await send(post(batchBody([pageView()]), { "content-encoding": "gzip" }))).toEqual({ status: 400, body: { error: "body is not valid gzip: incorrect header check" } });
    });

    it("checks a server signature over the inflated batch", async () => {
      const { send, raw } = setup();
      const body = batchBody([purchase()]);
      const response = await send(post(gzipSync(body), { "content-encoding": "gzip", "x-event-signature": signBody(body, SECRET) }));
      expect(response).toMatchObject({ status: 200, body: { accepted: 1, rejected: [] } });
      expect(raw()[0]?.trusted).toBe(true);
    });
  });

  describe("signatures", () => {
    it("refuses a bad signature whole with 401", async () => {
      const { lake, send } = setup();
      const body = batchBody([purchase()]);
      expect((await send(post(body, { "x-event-signature": signBody(body, "another-secret-another-secret-00") }))).status).toBe(401);
      expect((await setup({ serverEventsSecret: undefined }).send(post(body, { "x-event-signature": signBody(body, SECRET) }))).status).toBe(401);
      expect(lake.objects.size).toBe(0);
    });

    it("rejects a server-only event in an unsigned request, with its reason", async () => {
      const { send } = setup();
      const response = await send(post(batchBody([purchase()])));
      expect(response.body).toEqual({ accepted: 0, rejected: [{ index: 0, reason: "purchase events are accepted from the shop's server only (signed requests)" }] });
    });
  });

  describe("the shopper's sign-in", () => {
    const userIds = (records: RawEventRecord[]) => records.map((record) => record.user_id);

    it("takes user_id from a verified ID token in the Authorization header", async () => {
      const { send, raw } = setup();
      await send(post(batchBody([pageView()]), { authorization: `Bearer ${await pool.idToken("sub-header")}` }));
      expect(userIds(raw())).toEqual(["sub-header"]);
    });

    it("takes user_id from a verified ID token in Amplify's cookie", async () => {
      const { send, raw } = setup();
      const token = await pool.idToken("sub-cookie");
      const cookie = `${lastAuthUserCookie(TEST_CLIENT_ID)}=ada%40example.com; ${idTokenCookie(TEST_CLIENT_ID, "ada@example.com")}=${token}`;
      await send(post(batchBody([pageView()]), { cookie }));
      expect(userIds(raw())).toEqual(["sub-cookie"]);
    });

    it("keeps the events of a shopper whose token is expired or forged, without a user", async () => {
      const { send, raw } = setup();
      const expired = await pool.idToken("sub-expired", { expiresIn: "-5 minutes" });
      const forged = await pool.forgedIdToken("sub-forged");
      for (const token of [expired, forged, "garbage"]) {
        expect(await send(post(batchBody([pageView()]), { authorization: `Bearer ${token}` }))).toMatchObject({ status: 200, body: { accepted: 1 } });
      }
      expect(userIds(raw())).toEqual([null, null, null]);
    });

    it("gives no event a user without a configured pool", async () => {
      const { send, raw } = setup({ idTokens: null });
      await send(post(batchBody([pageView()]), { authorization: `Bearer ${await pool.idToken("sub-1")}` }));
      expect(userIds(raw())).toEqual([null]);
    });
  });

  describe("geography", () => {
    const LONDON = { country: "GB", region: "England", city: "London", source: "dbip" } as const;
    const ORIGIN_SECRET = "o".repeat(32);
    /** A lookup that knows one address, and remembers what it was asked. */
    function fakeGeo() {
      const asked: string[] = [];
      const geo: GeoLookup = async (address) => {
        asked.push(address.text);
        return address.text === "81.2.69.142" ? LONDON : null;
      };
      return { geo, asked };
    }

    it("looks the full address up before truncating it, and keeps only the truncation", async () => {
      const { geo, asked } = fakeGeo();
      const { lake, send, raw } = setup({ geo });
      await send(post(batchBody([pageView(), { junk: true }]), {}, "81.2.69.142"));
      expect(asked).toEqual(["81.2.69.142"]);
      expect(raw()).toEqual([expect.objectContaining({ client_ip: "81.2.69.0", geo: LONDON })]);
      expect(JSON.stringify(lake.records("")) + [...lake.objects.keys()].join()).not.toContain("81.2.69.142");
    });

    it("records unknown when the lookup knows nothing, and when there is no lookup", async () => {
      const { geo } = fakeGeo();
      const withLookup = setup({ geo });
      await withLookup.send(post(batchBody([pageView()]), {}, "198.51.100.23"));
      expect(withLookup.raw()[0]?.geo).toBeNull();
      const without = setup();
      await without.send(post(batchBody([pageView()]), {}, "81.2.69.142"));
      expect(without.raw()[0]?.geo).toBeNull();
    });

    it("looks up the address a trusted proxy forwards, never one a stranger claims", async () => {
      const { geo, asked } = fakeGeo();
      const proxies = proxyTrust({ forwarders: ["loopback"], originSecret: null });
      const { send, raw } = setup({ geo, proxies });
      await send(post(batchBody([pageView()]), { "x-forwarded-for": "81.2.69.142" }, "127.0.0.1"));
      await send(post(batchBody([pageView()]), { "x-forwarded-for": "81.2.69.142" }, "198.51.100.23"));
      expect(asked).toEqual(["81.2.69.142", "198.51.100.23"]);
      expect(raw().map((record) => [record.client_ip, record.geo])).toEqual([
        ["81.2.69.0", LONDON],
        ["198.51.100.0", null],
      ]);
    });

    it("takes CloudFront's word for the viewer's place, and looks nothing up", async () => {
      const { geo, asked } = fakeGeo();
      const proxies = proxyTrust({ forwarders: [], originSecret: ORIGIN_SECRET });
      const { send, raw } = setup({ geo, proxies });
      const headers = { "x-origin-verify": ORIGIN_SECRET, "cloudfront-viewer-address": "2a00:1450:4001::1:5000", "cloudfront-viewer-country": "DE", "cloudfront-viewer-city": "Frankfurt am Main" };
      await send(post(batchBody([pageView()]), headers, "130.176.1.1"));
      expect(asked).toEqual([]);
      expect(raw()).toEqual([expect.objectContaining({ client_ip: "2a00:1450:4001::", geo: { country: "DE", region: null, city: "Frankfurt am Main", source: "cloudfront" } })]);
    });

    it("gives a signed server request no geography: its address is the shop server's", async () => {
      const { geo, asked } = fakeGeo();
      const { send, raw } = setup({ geo });
      const body = batchBody([purchase()]);
      await send(post(body, { "x-event-signature": signBody(body, SECRET) }, "81.2.69.142"));
      expect(asked).toEqual([]);
      expect(raw()).toEqual([expect.objectContaining({ trusted: true, geo: null })]);
    });
  });

  it("answers 503 when the lake cannot be written, so the tracker retries", async () => {
    const logged: unknown[] = [];
    const failing = { put: () => Promise.reject(new Error("S3 is down")) };
    const { send } = setup({ store: failing, log: (message, fields) => logged.push({ message, ...fields }) });
    expect(await send(post(batchBody([pageView()])))).toEqual({ status: 503, body: { error: "events could not be stored; retry later" } });
    expect(logged).toEqual([{ message: "lake write failed", error: "Error: S3 is down", accepted: 1, rejected: 0 }]);
  });
});
