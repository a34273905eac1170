import { describe, expect, it } from "vitest";
import { fromApiGatewayEvent } from "@/ingest/handler.ts";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { httpSender, lambdaSender, type Invoke } from "./ingest-sender.ts";

const request = {
  body: '{"schema_version":1,"events":[]}',
  headers: { "Content-Type": "text/plain;charset=UTF-8", "x-event-signature": "t=1,v1=abc" },
  timeoutMs: 1_000,
};

describe("lambdaSender (the relay invokes the ingest function: no NAT in the VPC)", () => {
  it("sends the API Gateway 2.0 event the ingest's adapter reads back as the same signed POST", async () => {
    const calls: Array<{ name: string; payload: string; timeoutMs: number }> = [];
    const invoke: Invoke = async (name, payload, timeoutMs) => {
      calls.push({ name, payload, timeoutMs });
      return { payload: JSON.stringify({ statusCode: 200, headers: {}, body: '{"accepted":0,"rejected":[]}' }) };
    };
    const answer = await lambdaSender("ingest-fn", invoke)(request);
    expect(answer).toEqual({ status: 200, text: '{"accepted":0,"rejected":[]}' });
    expect(calls.map(({ name, timeoutMs }) => ({ name, timeoutMs }))).toEqual([{ name: "ingest-fn", timeoutMs: 1_000 }]);
    const event = JSON.parse(calls[0]?.payload ?? "null") as APIGatewayProxyEventV2;
    const seen = fromApiGatewayEvent(event);
    expect(seen.method).toBe("POST");
    expect(seen.body.toString("utf8")).toBe(request.body);
    expect(seen.headers["x-event-signature"]).toBe("t=1,v1=abc");
    expect(seen.headers["content-type"]).toBe("text/plain;charset=UTF-8");
    expect(seen.sourceIp).toBeNull();
  });

  it("passes the ingest's own status and body through (a 400 stays a 400)", async () => {
    const invoke: Invoke = async () => ({ payload: JSON.stringify({ statusCode: 400, body: '{"error":"bad"}' }) });
    expect(await lambdaSender("f", invoke)(request)).toEqual({ status: 400, text: '{"error":"bad"}' });
  });

  it("turns a function error or an unexpected payload into a 502, so the batch is retried", async () => {
    const failed: Invoke = async () => ({ functionError: "Unhandled", payload: '{"errorMessage":"boom"}' });
    expect(await lambdaSender("f", failed)(request)).toMatchObject({ status: 502, text: expect.stringContaining("boom") });
    const odd: Invoke = async () => ({ payload: "not json" });
    expect(await lambdaSender("f", odd)(request)).toMatchObject({ status: 502, text: expect.stringContaining("unexpected payload") });
  });
});

describe("httpSender", () => {
  it("POSTs the body and headers to the URL", async () => {
    const seen: Array<{ url: string; init: RequestInit | undefined }> = [];
    const fakeFetch: typeof fetch = async (input, init) => {
      seen.push({ url: String(input), init });
      return new Response("ok", { status: 200 });
    };
    expect(await httpSender("http://ingest.test/v1/events", fakeFetch)(request)).toEqual({ status: 200, text: "ok" });
    expect(seen[0]?.url).toBe("http://ingest.test/v1/events");
    expect(seen[0]?.init).toMatchObject({ method: "POST", body: request.body, headers: request.headers });
  });
});
