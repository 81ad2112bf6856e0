import { defineProject } from "vitest/config";

// Workspace packages are read from source through the "source" export condition.
const conditions = ["source", "module", "node", "development|production"];

export default defineProject({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions } },
  test: {
    name: "engine-properties",
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**"],
    testTimeout: 120_000,
  },
});
