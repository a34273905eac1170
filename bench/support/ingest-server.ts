import http from "node:http";
import type { AddressInfo } from "node:net";
import { ingestRequest, type IngestDeps, type IngestHttpRequest } from "../../ingest/ingest-request.ts";

/** A request's whole body. */
export function collect(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/** The ingest core behind a bare Node HTTP server (no API Gateway, no adapter), for the benches. */
export function ingestServer(deps: IngestDeps): http.Server {
  return http.createServer((request, response) => {
    void collect(request).then(async (body) => {
      const headers: IngestHttpRequest["headers"] = Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(",") : value]),
      );
      const result = await ingestRequest({ method: request.method ?? "GET", headers, body, sourceIp: request.socket.remoteAddress ?? null }, deps);
      response.writeHead(result.status, { "content-type": "application/json", ...result.headers });
      response.end(JSON.stringify(result.body));
    });
  });
}

/** Listens on a free loopback port; resolves to the server's events URL. */
export function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/events`)));
}
