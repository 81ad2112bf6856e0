import { defineProject } from "vitest/config";

// `source` first: tests run the workspace packages from their TypeScript sources, not from dist.
export default defineProject({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"], externalConditions: ["source"] } },
  // The tests spawn servers (and bundle one): generous limits for a loaded machine.
  test: { name: "vscode", include: ["src/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 30_000 },
});
