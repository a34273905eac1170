import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".open-next/**",
      ".sst/**",
      ".data/**",
      "lib/db/generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The tracker ships to every shopper's browser: keep the shop and zod out of it.
    files: ["lib/tracking/browser/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["zod"], message: "the browser tracker must stay small: import types only from ../schema.ts" },
            { group: ["@/lib/db/*", "@/lib/catalog/*", "**/lib/db/**"], message: "the tracker depends on nothing of the shop" },
          ],
        },
      ],
    },
  },
  {
    // Each Lambda ships alone: no shop code, no Prisma. (Tests and their testing/ helpers may
    // start local parts.)
    files: ["ingest/**", "etl/**"],
    ignores: ["**/*.test.ts", "*/testing/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/lib/db/**", "**/lib/catalog/**", "@/lib/db/*", "@/lib/catalog/*", "**/dev/**", "@prisma/*"], message: "Lambdas import lib/tracking and lib/lake only" },
          ],
        },
      ],
    },
  },
];

export default config;
