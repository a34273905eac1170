import path from "node:path";
import { z } from "zod";

const port = z.coerce.number().int().min(1).max(65_535);
/** These parts also take 0: each then binds a free port of its own and reports it. */
const portOrAny = z.coerce.number().int().min(0).max(65_535);

/**
 * Where each local part listens, and which parts are external instead: set DATABASE_URL,
 * WAREHOUSE_URL or S3_ENDPOINT and the runner uses that server rather than starting its own.
 */
const runnerEnvSchema = z.object({
  DATA_DIR: z.string().default(".data"),
  SHOP_PORT: port.default(3000),
  INGEST_PORT: portOrAny.default(4000),
  SHOP_DB_PORT: portOrAny.default(5433),
  WAREHOUSE_DB_PORT: portOrAny.default(5434),
  S3_PORT: portOrAny.default(4569),
  COGNITO_PORT: port.default(9229),
  SHINY_PORT: port.default(3838),
  /**
   * cognito-local's confirmation code for every sign-up and password reset: it sends no e-mail,
   * and its log (where it prints codes) is buffered, so locally the code is fixed and announced.
   */
  COGNITO_CODE: z.string().regex(/^\d{6}$/, "must be six digits").default("123456"),
  DATABASE_URL: z.string().optional(),
  WAREHOUSE_URL: z.string().optional(),
  S3_ENDPOINT: z.url().optional(),
  RAW_BUCKET: z.string().default("compushop-raw"),
  ETL_INTERVAL_SECONDS: z.coerce.number().positive().default(60),
  /** How often the outbox relay sends the shop's server events (purchases) to the ingest. */
  OUTBOX_INTERVAL_SECONDS: z.coerce.number().positive().default(2),
  /** Shared by the shop and the ingest to sign server events; made and kept in DATA_DIR when unset. */
  SERVER_EVENTS_SECRET: z.string().min(32).optional(),
  /** "production" runs `next start` (building first when a source changed); "dev" runs `next dev`. */
  SHOP_MODE: z.enum(["dev", "production"]).default("production"),
  /** Comma-separated parts not to start: shiny, etl-timer, shop, cognito. */
  SKIP_PARTS: z.string().default(""),
});

export type RunnerConfig = Omit<z.infer<typeof runnerEnvSchema>, "SKIP_PARTS"> & {
  skip: ReadonlySet<string>;
  dataDir: string;
};

export function runnerConfig(env: Record<string, string | undefined> = process.env): RunnerConfig {
  const parsed = runnerEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `invalid runner settings: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
    );
  }
  const { SKIP_PARTS, ...rest } = parsed.data;
  return {
    ...rest,
    skip: new Set(SKIP_PARTS.split(",").map((part) => part.trim()).filter(Boolean)),
    dataDir: path.resolve(rest.DATA_DIR),
  };
}
