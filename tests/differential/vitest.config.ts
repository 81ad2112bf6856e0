import { defineProject } from "vitest/config";

// Workspace packages are read from source through the "source" export condition; the tests run
// in Vite's server environment, which has its own condition list.
const conditions = ["source", "module", "node", "development|production"];

export default defineProject({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions } },
  test: {
    name: "differential",
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**"],
    testTimeout: 60_000,
  },
});
