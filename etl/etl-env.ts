import pg from "pg";
import { z } from "zod";
import { describeIssues } from "../lib/tracking/schema.ts";
import { createS3Client } from "../lib/lake/s3-client.ts";
import type { EtlDeps } from "./run-etl.ts";

const etlEnvSchema = z.object({
  WAREHOUSE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
  RAW_BUCKET: z.string().min(3),
  S3_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().optional(),
  ETL_MAX_OBJECTS_PER_PASS: z.coerce.number().int().positive().optional(),
  /** The shop's database as a user in role warehouse_reader: daily order totals, for reconciliation. */
  SHOP_READONLY_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL").optional(),
});

export type EtlEnv = z.infer<typeof etlEnvSchema>;

export function parseEtlEnv(env: Record<string, string | undefined>): EtlEnv {
  const parsed = etlEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error);
    throw new Error(`ETL configuration is invalid: ${problems}`);
  }
  return parsed.data;
}

/** The ETL's connections, built from its environment. Close with `closeEtlDeps`. */
export function createEtlDeps(env: EtlEnv, log?: EtlDeps["log"]): EtlDeps {
  const warehouse = new pg.Pool({ connectionString: env.WAREHOUSE_URL, max: 2 });
  // An idle connection the server closes (restart, failover) must not crash the process.
  warehouse.on("error", (error) => log?.("idle warehouse connection lost", { error: error.message }));
  const shop = env.SHOP_READONLY_URL ? new pg.Pool({ connectionString: env.SHOP_READONLY_URL, max: 1 }) : undefined;
  shop?.on("error", (error) => log?.("idle shop connection lost", { error: error.message }));
  return {
    s3: createS3Client({ endpoint: env.S3_ENDPOINT, region: env.AWS_REGION }),
    bucket: env.RAW_BUCKET,
    warehouse,
    ...(env.ETL_MAX_OBJECTS_PER_PASS ? { maxObjectsPerPass: env.ETL_MAX_OBJECTS_PER_PASS } : {}),
    ...(log ? { log } : {}),
    ...(shop ? { shop } : {}),
  };
}

export async function closeEtlDeps(deps: EtlDeps): Promise<void> {
  deps.s3.destroy();
  await Promise.all([deps.warehouse.end(), deps.shop?.end()]);
}
