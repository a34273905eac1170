import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { HeadBucketCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createS3Client } from "../../lib/lake/s3-client.ts";
import { startS3 } from "./s3.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "compushop-s3-part-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("startS3", () => {
  it("binds a port of its own when asked for port 0, and reports it", async () => {
    const [a, b] = await Promise.all([
      startS3({ dataDir: path.join(dir, "a"), port: 0, bucket: "bucket-a", quiet: true }),
      startS3({ dataDir: path.join(dir, "b"), port: 0, bucket: "bucket-b", quiet: true }),
    ]);
    try {
      expect(a.port).toBeGreaterThan(0);
      expect(a.port).not.toBe(b.port);
      const client = createS3Client({ endpoint: b.endpoint });
      await expect(client.send(new HeadBucketCommand({ Bucket: "bucket-b" }))).resolves.toBeDefined();
      client.destroy();
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it("fails when its port is taken, instead of passing another process off as itself", async () => {
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
    const port = (squatter.address() as net.AddressInfo).port;
    try {
      await expect(startS3({ dataDir: path.join(dir, "c"), port, bucket: "bucket-c", quiet: true })).rejects.toThrow(
        /s3rver exited .* before listening/,
      );
    } finally {
      squatter.close();
    }
  });
});
