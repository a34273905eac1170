import type { EtlDeps } from "../run-etl.ts";

/** What erasure and retention work with: the ETL's lake and warehouse (etl-env.ts builds them). */
export interface PrivacyDeps extends Pick<EtlDeps, "s3" | "bucket" | "warehouse" | "log"> {
  /** How long to wait for a running ETL pass to release the ETL's lock; default 15 minutes. */
  lockWaitMs?: number;
  /** Today, for retention's cutoff; default the system clock. */
  now?: () => Date;
}

// An ETL run stops starting passes after 10 minutes and a pass is bounded: 15 minutes outlasts one.
export const DEFAULT_LOCK_WAIT_MS = 15 * 60_000;
