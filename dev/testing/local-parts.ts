import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startCognito, type CognitoPart } from "../parts/cognito.ts";
import { freePort } from "../parts/ports.ts";
import { startPostgres, type PostgresPart } from "../parts/postgres.ts";
import { startS3, type S3Part } from "../parts/s3.ts";

/**
 * Real local parts for integration tests, each on a port of its own choosing (no race between
 * parallel test files) and a throwaway data dir.
 *
 * A throwaway PostgreSQL waits for its clients to leave before it stops, and fails the test when
 * one is still connected: a pool a test forgot to end is a clear error in its afterAll, never a
 * dropped connection raising an unhandled 57P01 error somewhere later.
 */
export async function throwawayPostgres(database: string): Promise<PostgresPart> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `compushop-${database}-`));
  const part = await startPostgres({
    dataDir: path.join(dir, "data"),
    port: 0,
    database,
    persistent: false,
    openClientsOnStop: "fail",
  });
  return {
    ...part,
    stop: async () => {
      try {
        await part.stop();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

export async function throwawayS3(bucket: string): Promise<S3Part> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "compushop-s3-"));
  const part = await startS3({ dataDir: dir, port: 0, bucket, quiet: true });
  return {
    ...part,
    stop: async () => {
      await part.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** cognito-local on a free port (it cannot take port 0: its issuer names the port), with fixed codes. */
export async function throwawayCognito(code = "123456"): Promise<CognitoPart> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "compushop-cognito-"));
  for (let attempt = 1; ; attempt++) {
    try {
      const part = await startCognito({ dataDir: dir, port: await freePort(), code });
      return {
        ...part,
        stop: async () => {
          await part.stop();
          await rm(dir, { recursive: true, force: true });
        },
      };
    } catch (error) {
      // Another process took the port between freePort() and the emulator's listen: try another.
      if (attempt >= 3) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
}
