import { createRequire } from "node:module";

/** The part of an autocannon result the benches read. */
export interface LoadResult {
  requests: { average: number };
  latency: { p99: number };
  non2xx: number;
  errors: number;
}

/** A running load: awaited for its result; "response" fires once per response with its time in ms. */
export type LoadRun = Promise<LoadResult> & {
  on(event: "response", listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void): unknown;
};
type Autocannon = (options: Record<string, unknown>) => LoadRun;
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
