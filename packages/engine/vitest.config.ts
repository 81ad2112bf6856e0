import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["source"] },
  test: { name: "engine", include: ["src/**/*.test.ts"] },
});
