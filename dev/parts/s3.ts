import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { startChild, type ChildPart } from "./child.ts";
import { waitForPort } from "./ports.ts";

export interface S3Part {
  readonly endpoint: string;
  readonly bucket: string;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);

/**
 * Starts s3rver in its own Node process with the bucket created. The legacy OpenSSL provider
 * is required: s3rver's ListObjectsV2 continuation tokens use DES, and without it every
 * listing past 1000 objects fails.
 */
export async function startS3(options: { dataDir: string; port: number; bucket: string; quiet?: boolean }): Promise<S3Part> {
  await mkdir(options.dataDir, { recursive: true });
  const bin = require.resolve("s3rver/bin/s3rver.js");
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
    { quiet: options.quiet ?? false },
  );
  await Promise.race([
    waitForPort(options.port),
    child.exited.then((code) => {
      throw new Error(`s3rver exited with code ${code} before listening`);
    }),
  ]);
  return { endpoint: `http://127.0.0.1:${options.port}`, bucket: options.bucket, stop: () => child.stop() };
}
