import { describe, expect, it } from "vitest";
import { MemoryStream } from "./io.js";
import { closestCommand, run } from "./run.js";

function io(env: Record<string, string> = {}) {
  return { stdout: new MemoryStream(), stderr: new MemoryStream(), env, cwd: process.cwd() };
}

describe("run: help and usage", () => {
  it("prints help with --help and exits 0, in the locale's language", async () => {
    const en = io();
    expect(await run(["--help"], en)).toBe(0);
    expect(en.stdout.text).toContain("Usage:");
    expect(en.stdout.text).toContain("2  usage error");
    const zh = io({ LANG: "zh_CN.UTF-8" });
    expect(await run(["-h"], zh)).toBe(0);
    expect(zh.stdout.text).toContain("用法：");
    const forced = io({ LANG: "zh_CN.UTF-8" });
    expect(await run(["--help", "--lang", "en"], forced)).toBe(0);
    expect(forced.stdout.text).toContain("Commands:");
  });

  it("prints the usage to stderr and exits 2 with no command", async () => {
    const streams = io();
    expect(await run([], streams)).toBe(2);
    expect(streams.stderr.text).toContain("Usage:");
    expect(streams.stdout.text).toBe("");
  });

  it("rejects an unknown command with a pointer to the help", async () => {
    const streams = io();
    expect(await run(["evaluate", "x"], streams)).toBe(2);
    expect(streams.stderr.text).toBe(
      "error: unknown command 'evaluate', did you mean 'eval'?\nrun 'remit --help' for usage\n",
    );
    const far = io();
    expect(await run(["publish"], far)).toBe(2);
    expect(far.stderr.text).toBe("error: unknown command 'publish'\nrun 'remit --help' for usage\n");
  });

  it("suggests the command a typo meant", async () => {
    expect(await closestCommand("chekc")).toBe("check");
    expect(await closestCommand("fnt")).toBe("fmt");
    expect(await closestCommand("evl")).toBe("eval");
    expect(await closestCommand("lint")).toBeUndefined();
  });

  it("prints its version, and a command's help with 'remit help COMMAND'", async () => {
    const streams = { ...io(), version: "1.2.3" };
    expect(await run(["--version"], streams)).toBe(0);
    expect(streams.stdout.text).toBe("remit 1.2.3\n");
    const help = io();
    expect(await run(["help", "eval"], help)).toBe(0);
    expect(help.stdout.text).toContain("remit eval POLICY --facts FILE");
    const general = io();
    expect(await run(["help"], general)).toBe(0);
    expect(general.stdout.text).toContain("remit <command> [options]");
    const wrong = io();
    expect(await run(["help", "evl"], wrong)).toBe(2);
    expect(wrong.stderr.text).toContain("unknown command 'evl', did you mean 'eval'?");
  });

  it("suggests the option a typo meant", async () => {
    const streams = io();
    expect(await run(["eval", "p", "--fatcs", "f.json"], streams)).toBe(2);
    expect(streams.stderr.text).toContain("unknown option '--fatcs', did you mean '--facts'?");
    const zh = io({ LC_ALL: "zh_CN.UTF-8" });
    expect(await run(["check", "p", "--fromat", "json"], zh)).toBe(2);
    expect(zh.stderr.text).toContain("未知选项“--fromat”，是否想写“--format”？");
    const far = io();
    expect(await run(["check", "p", "--verbose"], far)).toBe(2);
    expect(far.stderr.text).toContain("unknown option '--verbose'\n");
  });

  it("rejects an unknown global option", async () => {
    const streams = io({ LC_ALL: "zh_CN.UTF-8" });
    expect(await run(["--verbose"], streams)).toBe(2);
    expect(streams.stderr.text).toBe("错误：未知选项“--verbose”\n运行 'remit --help' 查看用法\n");
  });

  it("takes options before the command word", async () => {
    const streams = io();
    expect(await run(["--lang", "zh", "check", "--help"], streams)).toBe(0);
    expect(streams.stdout.text).toContain("remit check PATH");
    expect(streams.stdout.text).toContain("用法：");
    const unknown = io();
    expect(await run(["--verbose", "fmt", "x"], unknown)).toBe(2);
    expect(unknown.stderr.text).toBe("error: unknown option '--verbose'\nrun 'remit fmt --help' for usage\n");
    const missing = io();
    expect(await run(["--lang", "en"], missing)).toBe(2);
    expect(missing.stderr.text).toContain("missing command");
  });

  it("rejects a bad --lang value", async () => {
    const streams = io();
    expect(await run(["--help", "--lang", "fr"], streams)).toBe(2);
    expect(streams.stderr.text).toContain("option '--lang' must be zh|en, not 'fr'");
  });
});
