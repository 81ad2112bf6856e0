import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
  // The README examples load the parser and engine from source, which takes seconds here.
  test: { name: "packaging", include: ["*.test.ts"], testTimeout: 60_000 },
});
