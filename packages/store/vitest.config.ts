import { defineProject } from "vitest/config";

// `source` first: tests run the workspace packages from their TypeScript sources, not from dist.
// The global setup starts a throwaway PostgreSQL server when one is installed (see README).
export default defineProject({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"], externalConditions: ["source"] } },
  test: {
    name: "store",
    include: ["src/**/*.test.ts"],
    globalSetup: ["./src/testing/postgres-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
