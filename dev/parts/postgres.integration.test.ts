import net from "node:net";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { throwawayPostgres } from "../testing/local-parts.ts";
import * as ports from "./ports.ts";
import type { PostgresPart } from "./postgres.ts";

// The throwaway PostgreSQL the integration tests share: how it stops, and how it finds a port.
const parts: PostgresPart[] = [];
const start = async () => {
  const part = await throwawayPostgres("parts_test");
  parts.push(part);
  return part;
};

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.allSettled(parts.splice(0).map((part) => part.stop()));
});

describe("throwawayPostgres", () => {
  it("stops only after a pool that has just ended has closed its connections", async () => {
    const part = await start();
    const pool = new pg.Pool({ connectionString: part.url, max: 60 });
    const errors: unknown[] = [];
    pool.on("error", (error) => errors.push(error));
    // Sixty connections at once, all idle in the pool when it ends.
    await Promise.all(Array.from({ length: 60 }, () => pool.query("SELECT pg_sleep(0.05)")));
    expect(pool.totalCount).toBe(60);
    // pool.end() resolves before its sockets close: the server must not drop them mid-goodbye.
    await pool.end();
    await part.stop();
    parts.splice(parts.indexOf(part), 1);
    expect(errors).toEqual([]);
  });

  it("fails its stop, naming the client a test left connected", async () => {
    const part = await start();
    const leaked = new pg.Client({ connectionString: part.url, application_name: "leaked-client" });
    leaked.on("error", () => {});
    await leaked.connect();
    parts.splice(parts.indexOf(part), 1);
    await expect(part.stop()).rejects.toThrow(/1 client\(s\) still connected[\s\S]*leaked-client/);
  });

  it("picks another port when another process takes the one it chose", async () => {
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
    const taken = (squatter.address() as net.AddressInfo).port;
    const realFreePort = ports.freePort;
    const freePort = vi.spyOn(ports, "freePort").mockImplementationOnce(async () => taken).mockImplementation(realFreePort);
    try {
      const part = await start();
      expect(freePort).toHaveBeenCalledTimes(2);
      expect(part.port).not.toBe(taken);
      const client = new pg.Client({ connectionString: part.url });
      await client.connect();
      expect((await client.query<{ ok: number }>("SELECT 1 AS ok")).rows).toEqual([{ ok: 1 }]);
      await client.end();
    } finally {
      squatter.close();
    }
  });
});
