import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["source"] },
  // The first command in a test file loads the parser and engine from source, which takes seconds
  // on a small machine; the default 5 s would make such tests flaky.
  test: { name: "cli", include: ["src/**/*.test.ts"], testTimeout: 60_000 },
});
