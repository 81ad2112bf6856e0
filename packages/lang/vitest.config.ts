import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["source"] },
  test: { name: "lang", include: ["src/**/*.test.ts"] },
});
