import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { fromApiGatewayEvent } from "./handler.ts";

function apiGatewayEvent(overrides: Partial<APIGatewayProxyEventV2>): APIGatewayProxyEventV2 {
  return {
    version: "2.0",
    routeKey: "POST /v1/events",
    rawPath: "/v1/events",
    rawQueryString: "",
    headers: {},
    isBase64Encoded: false,
    requestContext: {
      accountId: "1",
      apiId: "api",
      domainName: "ingest.example",
      domainPrefix: "ingest",
      requestId: "r",
      routeKey: "POST /v1/events",
      stage: "$default",
      time: "",
      timeEpoch: 0,
      http: { method: "POST", path: "/v1/events", protocol: "HTTP/1.1", sourceIp: "203.0.113.9", userAgent: "Mozilla/5.0" },
    },
    ...overrides,
  };
}

describe("fromApiGatewayEvent", () => {
  it("takes the method, the source address and the user agent from the request context", () => {
    expect(fromApiGatewayEvent(apiGatewayEvent({ body: "{}" }))).toEqual({
      method: "POST",
      headers: { "user-agent": "Mozilla/5.0" },
      body: Buffer.from("{}"),
      sourceIp: "203.0.113.9",
    });
  });

  it("decodes a base64 body to its bytes, gzip included", () => {
    const gzipped = gzipSync('{"a":1}');
    const request = fromApiGatewayEvent(apiGatewayEvent({ body: gzipped.toString("base64"), isBase64Encoded: true, headers: { "Content-Encoding": "gzip" } }));
    expect(request.body).toEqual(gzipped);
    expect(request.headers["content-encoding"]).toBe("gzip");
  });

  it("puts payload v2's cookies back into one cookie header", () => {
    const request = fromApiGatewayEvent(apiGatewayEvent({ cookies: ["a=1", "b=2"], headers: { authorization: "Bearer t" } }));
    expect(request.headers).toMatchObject({ cookie: "a=1; b=2", authorization: "Bearer t" });
  });
});
