import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { startChild, type ChildPart } from "./child.ts";

export interface S3Part {
  readonly endpoint: string;
  readonly port: number;
  readonly bucket: string;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);
const LISTENING = /S3rver listening on [^:]+:(\d+)/;

/**
 * Starts s3rver in its own Node process with the bucket created. Port 0 lets it bind any free
 * port; either way the port is the one s3rver reports, never a guess, so a part that lost a
 * port to another process fails instead of passing for it. The legacy OpenSSL provider is
 * required: s3rver's ListObjectsV2 continuation tokens use DES, and without it every listing
 * past 1000 objects fails.
 */
export async function startS3(options: { dataDir: string; port: number; bucket: string; quiet?: boolean }): Promise<S3Part> {
  await mkdir(options.dataDir, { recursive: true });
  const bin = require.resolve("s3rver/bin/s3rver.js");
  let reportPort: (port: number) => void = () => {};
  const listening = new Promise<number>((resolve) => (reportPort = resolve));
  const child: ChildPart = startChild(
    "s3",
    process.execPath,
    [
      "--openssl-legacy-provider",
      bin,
      "--directory", options.dataDir,
      "--address", "127.0.0.1",
      "--port", String(options.port),
      "--silent",
      "--configure-bucket", options.bucket,
    ],
    {
      quiet: options.quiet ?? false,
      onLine: (line) => {
        const match = LISTENING.exec(line);
        if (match?.[1]) reportPort(Number(match[1]));
      },
    },
  );
  const timeout = setTimeout(() => void child.stop(), 30_000);
  try {
    const port = await Promise.race([
      listening,
      child.exited.then((code): never => {
        throw new Error(`s3rver exited with code ${code} before listening on 127.0.0.1:${options.port}`);
      }),
    ]);
    return { endpoint: `http://127.0.0.1:${port}`, port, bucket: options.bucket, stop: () => child.stop() };
  } finally {
    clearTimeout(timeout);
  }
}
