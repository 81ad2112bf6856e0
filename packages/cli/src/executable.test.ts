import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

/** The compiled process wrapper `remit` and `remit-server` share (`tsc -b` builds it). */
const executable = fileURLToPath(new URL("../dist/executable.js", import.meta.url));

/** Runs a command that fails inside the tool itself, as a process, under `env`. */
function crash(env: Record<string, string>) {
  const script = [
    `import { runAsProcess } from ${JSON.stringify(pathToFileURL(executable).href)};`,
    `await runAsProcess(async () => { throw new Error("a fault in the tool\\nwith a second line"); });`,
  ].join("\n");
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    env: { PATH: process.env["PATH"] ?? "", ...env },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!existsSync(executable))("an internal error", () => {
  it("exits 3 (not 1, problems found) with one line, and the details only under REMIT_DEBUG", () => {
    const plain = crash({});
    expect(plain.code).toBe(3);
    expect(plain.stdout).toBe("");
    expect(plain.stderr).toBe(
      "remit: internal error: a fault in the tool (REMIT_DEBUG=1 shows the details)\n",
    );
    const debug = crash({ REMIT_DEBUG: "1" });
    expect(debug.code).toBe(3);
    expect(debug.stderr.split("\n")[0]).toBe(
      "remit: internal error: a fault in the tool (REMIT_DEBUG=1 shows the details)",
    );
    expect(debug.stderr).toContain("with a second line");
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
