import { createRequire } from "node:module";

/** The part of an autocannon result the benches read. */
export interface LoadResult {
  requests: { average: number };
  latency: { p99: number };
  non2xx: number;
  errors: number;
}

type Autocannon = (options: Record<string, unknown>) => Promise<LoadResult>;
// autocannon ships no types; this is the part of its API the benches use.
export const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

/** Requests per second over all rounds, the median round's p99, and every failed request. */
export function summary(rounds: LoadResult[]): { rps: number; p99: number; failed: number } {
  const p99s = rounds.map((round) => round.latency.p99).sort((a, b) => a - b);
  return {
    rps: rounds.reduce((sum, round) => sum + round.requests.average, 0) / rounds.length,
    p99: p99s[Math.floor(p99s.length / 2)] ?? 0,
    failed: rounds.reduce((sum, round) => sum + round.non2xx + round.errors, 0),
  };
}
