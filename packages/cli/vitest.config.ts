import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["source"] },
  test: { name: "cli", include: ["src/**/*.test.ts"] },
});
