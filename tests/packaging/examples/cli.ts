import { MemoryStream, run } from "@remit/cli";

// The `remit` command as a function: arguments in, exit code out, output in memory.
const stdout = new MemoryStream();
const stderr = new MemoryStream();
const code = await run(["--help"], { stdout, stderr, env: { LANG: "en_US.UTF-8" }, cwd: process.cwd() });
console.log(code, stdout.text.split("\n")[0]);
