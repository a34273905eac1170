import { z } from "zod";

/** What bench/support/etl-child.ts prints: one ETL run and the no-op run after it, timed and measured. */
export const etlChildReport = z.object({
  fullSeconds: z.number(),
  noopSeconds: z.number(),
  full: z.object({ passes: z.number(), objectsLoaded: z.number(), objectsQuarantined: z.number(), eventsLoaded: z.number(), duplicates: z.number(), rejected: z.number(), backlog: z.boolean() }),
  noop: z.object({ eventsLoaded: z.number(), objectsLoaded: z.number() }),
  /** Summed over the passes, per model step. */
  stepMs: z.record(z.string(), z.number()),
  /** Wall time of each pass, from one "pass committed" to the next. */
  passMs: z.array(z.number()),
  rssBeforeMb: z.number(),
  /** process.resourceUsage().maxRSS: the process's peak resident memory, exact. */
  maxRssMb: z.number(),
  /** process.memoryUsage().rss sampled every 50 ms during the full run. */
  sampledPeakRssMb: z.number(),
  peakHeapUsedMb: z.number(),
});

export type EtlChildReport = z.infer<typeof etlChildReport>;
