import { runLanguageServer } from "@remit/lsp";
import { parseCommandArgs, UsageError } from "../args.js";
import { type CommandContext, commonOptions } from "../context.js";
import { commandHelp } from "../help.js";
import { ExitCode } from "../io.js";

/**
 * `remit lsp --stdio`: the language server of `@remit/lsp` over the process's standard input and
 * output, as an editor starts it. The server ends the process itself: with 0 on `exit` after
 * `shutdown`, with 1 on `exit` without it or when the editor closes the server's input.
 */
export async function lspCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { ...commonOptions, stdio: { type: "boolean" } });
  if (values["help"] === true) {
    context.io.stdout.write(commandHelp("lsp", context.lang));
    return ExitCode.ok;
  }
  const [extra] = positionals;
  if (extra !== undefined) {
    throw new UsageError({ en: `unexpected argument '${extra}'`, zh: `多余的参数“${extra}”` });
  }
  if (values["stdio"] !== true) {
    throw new UsageError({
      en: "the language server speaks over standard input and output only: pass --stdio",
      zh: "语言服务器只经标准输入输出通信：请加上 --stdio",
    });
  }
  const { stdio } = context.io;
  if (stdio === undefined) {
    throw new UsageError({ en: "no standard input and output to serve on", zh: "没有可用的标准输入输出" });
  }
  runLanguageServer(stdio.input, stdio.output);
  // Settled only by the server ending the process.
  return new Promise<number>(() => {});
}
