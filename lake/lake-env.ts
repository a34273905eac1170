import path from "node:path";
import { z } from "zod";
import { describeIssues } from "../lib/tracking/schema.ts";

const lakeEnvSchema = z.object({
  RAW_BUCKET: z.string().min(3).optional(),
  S3_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().optional(),
  DATA_DIR: z.string().default(".data"),
  /** Where the local copy of the lake is kept; <DATA_DIR>/lake-mirror unless set. */
  LAKE_MIRROR_DIR: z.string().optional(),
});

export interface LakeEnv {
  /** The lake to copy; unset when none is configured. */
  bucket: string | undefined;
  endpoint: string | undefined;
  region: string | undefined;
  mirrorDir: string;
}

export function parseLakeEnv(env: Record<string, string | undefined>): LakeEnv {
  const parsed = lakeEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error);
    throw new Error(`lake configuration is invalid: ${problems}`);
  }
  const { RAW_BUCKET, S3_ENDPOINT, AWS_REGION, DATA_DIR, LAKE_MIRROR_DIR } = parsed.data;
  return {
    bucket: RAW_BUCKET,
    endpoint: S3_ENDPOINT,
    region: AWS_REGION,
    mirrorDir: path.resolve(LAKE_MIRROR_DIR ?? path.join(DATA_DIR, "lake-mirror")),
  };
}
