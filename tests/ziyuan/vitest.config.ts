import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["source"] },
  test: { name: "ziyuan", include: ["**/*.test.ts"], exclude: ["node_modules/**"] },
});
