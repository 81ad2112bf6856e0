import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

export default defineProject({
  resolve: {
    conditions: ["source"],
    // The server's test support is neither built nor published (the package does not export it):
    // the tests take it from source, as tsconfig.test.json's paths do.
    alias: {
      "@remit/server/testing": fileURLToPath(
        new URL("../server/src/testing/hazards-policy.ts", import.meta.url),
      ),
    },
  },
  // The first command in a test file loads the parser and engine from source, which takes seconds
  // on a small machine; the default 5 s would make such tests flaky.
  test: { name: "cli", include: ["src/**/*.test.ts"], testTimeout: 60_000 },
});
