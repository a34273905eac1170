import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startPostgres, type PostgresPart } from "../parts/postgres.ts";
import { freePort } from "../parts/ports.ts";
import { startS3, type S3Part } from "../parts/s3.ts";

/** Real local parts for integration tests: each on a free port, with a throwaway data dir. */
export async function throwawayPostgres(database: string): Promise<PostgresPart> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `compushop-${database}-`));
  const part = await startPostgres({ dataDir: path.join(dir, "data"), port: await freePort(), database, persistent: false });
  return {
    ...part,
    stop: async () => {
      await part.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function throwawayS3(bucket: string): Promise<S3Part> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "compushop-s3-"));
  const part = await startS3({ dataDir: dir, port: await freePort(), bucket, quiet: true });
  return {
    ...part,
    stop: async () => {
      await part.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
