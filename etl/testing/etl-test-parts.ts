import { CreateBucketCommand } from "@aws-sdk/client-s3";
import pg from "pg";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { PostgresPart } from "../../dev/parts/postgres.ts";
import type { S3Part } from "../../dev/parts/s3.ts";
import { throwawayPostgres, throwawayS3 } from "../../dev/testing/local-parts.ts";
import { createS3Client } from "../../lib/lake/s3-client.ts";
import { closeEtlDeps, createEtlDeps } from "../etl-env.ts";
import { migrateWarehouse } from "../migrations.ts";
import type { EtlDeps } from "../run-etl.ts";

/** Every warehouse table but the migrations' own bookkeeping, emptied before each test. */
const EMPTY_WAREHOUSE = `
DO $$ BEGIN
  EXECUTE (SELECT 'TRUNCATE ' || string_agg(format('%I', tablename), ', ')
           FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations');
END $$`;

export interface EtlTestParts {
  /** The real s3rver the lake lives in. */
  readonly s3: S3Part;
  /** A pool on the migrated warehouse, for the test's own queries. */
  readonly sql: pg.Pool;
  /** The ETL's dependencies, on a bucket of the current test's own. */
  readonly deps: EtlDeps;
  /** An empty warehouse and a new bucket, as at the start of every test. */
  reset(): Promise<void>;
}

/**
 * Registers the hooks of an ETL integration test file: a real s3rver and a real, migrated
 * PostgreSQL warehouse for the file, and before each test an empty warehouse and a bucket of its
 * own. Read the fields inside tests and hooks, once the parts have started.
 */
export function etlTestParts(name: string): EtlTestParts {
  let s3: S3Part | undefined;
  let warehouse: PostgresPart | undefined;
  let sql: pg.Pool | undefined;
  let deps: EtlDeps | undefined;
  let buckets = 0;
  const started = <T>(part: T | undefined): T => {
    if (part === undefined) throw new Error("the ETL test parts have not started yet");
    return part;
  };

  const parts: EtlTestParts = {
    get s3() {
      return started(s3);
    },
    get sql() {
      return started(sql);
    },
    get deps() {
      return started(deps);
    },
    async reset() {
      await parts.sql.query(EMPTY_WAREHOUSE);
      const bucket = `${name}-${++buckets}`;
      await createS3Client({ endpoint: parts.s3.endpoint }).send(new CreateBucketCommand({ Bucket: bucket }));
      if (deps) await closeEtlDeps(deps);
      deps = createEtlDeps({ WAREHOUSE_URL: started(warehouse).url, RAW_BUCKET: bucket, S3_ENDPOINT: parts.s3.endpoint });
    },
  };

  beforeAll(async () => {
    [s3, warehouse] = await Promise.all([throwawayS3(`${name}-0`), throwawayPostgres("warehouse")]);
    await migrateWarehouse(warehouse.url);
    sql = new pg.Pool({ connectionString: warehouse.url });
  });
  afterAll(async () => {
    if (deps) await closeEtlDeps(deps);
    await sql?.end();
    await Promise.all([s3?.stop(), warehouse?.stop()]);
  });
  beforeEach(() => parts.reset());
  return parts;
}
