import { defineProject } from "vitest/config";

// `source` first: tests run the workspace packages from their TypeScript sources, not from dist.
export default defineProject({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"], externalConditions: ["source"] } },
  test: { name: "vscode", include: ["src/**/*.test.ts"] },
});
