/**
 * When to try a failed delivery again: exponential (1 s, 2 s, 4 s, …) up to MAX_DELAY_MS, with
 * "full jitter" between half and all of it, so relays that failed together do not retry in step.
 */
export const BASE_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 5 * 60_000;

export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}
