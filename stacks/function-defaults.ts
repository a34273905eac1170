import type { FunctionProps } from "sst/constructs";

/** What every Lambda function of ours shares: Node.js 22 on Graviton, logs kept one month. */
export const FUNCTION_DEFAULTS = {
  runtime: "nodejs22.x",
  architecture: "arm_64",
  logRetention: "one_month",
} as const satisfies FunctionProps;
