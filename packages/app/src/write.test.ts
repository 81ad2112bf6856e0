import { spawn } from "node:child_process";
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { writeFileAtomic } from "./write.js";

const folders: string[] = [];
function folder(): string {
  const made = mkdtempSync(path.join(tmpdir(), "remit-write-"));
  folders.push(made);
  return made;
}
afterEach(() => {
  for (const made of folders.splice(0)) rmSync(made, { recursive: true, force: true });
});

describe("writeFileAtomic", () => {
  it("replaces a file's text, keeps its permissions and leaves no temporary file", () => {
    const dir = folder();
    const file = path.join(dir, "policy.remit");
    writeFileSync(file, "old");
    chmodSync(file, 0o640);
    expect(writeFileAtomic(file, "new 文本")).toBeUndefined();
    expect(readFileSync(file, "utf8")).toBe("new 文本");
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(["policy.remit"]);
  });

  it("writes through a symbolic link: the file it points to changes, the link stays a link", () => {
    const dir = folder();
    mkdirSync(path.join(dir, "real"));
    const real = path.join(dir, "real", "policy.remit");
    writeFileSync(real, "old");
    const link = path.join(dir, "policy.remit");
    symlinkSync(path.join("real", "policy.remit"), link);
    expect(writeFileAtomic(link, "new")).toBeUndefined();
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, "utf8")).toBe("new");
    expect(readdirSync(path.join(dir, "real"))).toEqual(["policy.remit"]);
  });

  it("returns the problem as a value and leaves the target and the folder as they were", () => {
    const dir = folder();
    const blocked = path.join(dir, "blocked");
    mkdirSync(blocked);
    writeFileSync(path.join(blocked, "keep"), "x");
    const problem = writeFileAtomic(blocked, "text");
    expect(problem?.code).toMatch(/^E[A-Z]+$/);
    expect(readdirSync(dir)).toEqual(["blocked"]);
    expect(writeFileAtomic(path.join(dir, "missing", "file"), "text")?.code).toBe("ENOENT");
  });

  it("leaves the original whole when the writer is killed with SIGKILL at any moment", async () => {
    const dir = folder();
    const file = path.join(dir, "large.remit");
    const original = `${"a".repeat(1 << 20)}\n`;
    const replacement = `${"b".repeat(48 << 20)}\n`;
    writeFileSync(file, original);
    const module = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist/write.js");
    const script = `const { writeFileAtomic } = await import(${JSON.stringify(module)});
      const text = "b".repeat(48 << 20) + "\\n";
      process.stdout.write("ready\\n");
      for (;;) { const p = writeFileAtomic(${JSON.stringify(file)}, text); if (p) throw new Error(p.message); }`;
    // Kills land before, during and after the first write, and in later ones.
    for (const delay of [0, 15, 40, 80, 150, 300]) {
      const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill("SIGKILL");
      await new Promise((resolve) => child.once("exit", resolve));
      const text = readFileSync(file, "utf8");
      expect(text === original || text === replacement).toBe(true);
    }
  }, 60_000);
});
