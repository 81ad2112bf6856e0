import { defineProject } from "vitest/config";

// `source` first: tests run the workspace packages from their TypeScript sources, not from dist.
// The page in a browser is tested through `remit playground` (packages/cli).
export default defineProject({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"], externalConditions: ["source"] } },
  test: { name: "playground", include: ["src/**/*.test.ts"] },
});
