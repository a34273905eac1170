import { defineConfig } from "vitest/config";

const ignored = ["node_modules/**", ".next/**", ".open-next/**", ".sst/**", ".data/**", "tests/**", "**/fixtures/**"];

// unit: *.test.ts beside the code, no servers. integration: *.integration.test.ts, each file
// starts the real local parts it needs on free ports. infra: synthesizes the SST stacks.
export default defineConfig({
  resolve: {
    alias: {
      "@": new URL(".", import.meta.url).pathname,
      // `server-only` throws outside React Server Components; tests run as the server.
      "server-only": new URL("./node_modules/server-only/empty.js", import.meta.url).pathname,
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["**/*.test.{ts,tsx}"],
          exclude: [...ignored, "**/*.integration.test.ts", "stacks/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.integration.test.ts"],
          exclude: ignored,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "infra",
          include: ["stacks/**/*.test.ts"],
          exclude: ignored,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
