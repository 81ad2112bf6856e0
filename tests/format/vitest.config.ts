import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["source"] },
  // Property tests print and parse hundreds of modules: allow for a busy machine.
  test: { name: "format", include: ["**/*.test.ts"], testTimeout: 120_000 },
});
