import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// Until @remit/lang has its barrel, tests reach its sources through a small bridge.
const langIndex = fileURLToPath(new URL("../lang/src/index.ts", import.meta.url));
const bridge = fileURLToPath(new URL("./test-support/lang-bridge.ts", import.meta.url));

export default defineProject({
  resolve: {
    conditions: ["source"],
    alias: existsSync(langIndex) ? [] : [{ find: /^@remit\/lang$/, replacement: bridge }],
  },
  test: { name: "engine", include: ["src/**/*.test.ts"] },
});
