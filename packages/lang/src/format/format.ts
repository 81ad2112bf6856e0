import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.js";
import { parse } from "../parse/index.js";
import { formatLiterate } from "./literate.js";
import { type FormatOptions, formatModule } from "./print.js";

export interface FormatResult {
  /** The formatted text, or the input unchanged when it has syntax errors. */
  readonly text: string;
  /** The parse diagnostics (errors mean the text was left alone). */
  readonly diagnostics: readonly Diagnostic[];
  readonly changed: boolean;
}

/** Options of `format`: those of `formatModule` but the source, which is the text itself. */
export type FormatTextOptions = Omit<FormatOptions, "source">;

/**
 * Formats a policy file: a `.remit` file as a whole, a `.remit.md` file block by block. A text
 * that does not parse is returned unchanged with its diagnostics, since printing a partial tree
 * would lose what the parser skipped.
 * @example
 * ```ts
 * import { format } from "@remit/lang";
 * const { text, changed } = format('policy "P"\nparam   limit:duration=7 days "how long"\n', "p.remit");
 * console.log(changed, JSON.stringify(text)); // true "policy \"P\"\nparam limit: duration = 7 days \"how long\"\n"
 * console.log(format('政策 "P"\n参数 limit: 时长 = 7 天 "期限"\n', "p.remit", { keywords: "en" }).text.split("\n")[1]); // param limit: duration = 7 days "期限"
 * // A text that does not parse is left alone.
 * const broken = format('policy "P"\nparam x: integer = 1 1\n', "p.remit");
 * console.log(broken.changed, broken.diagnostics[0]?.code); // false R2002
 * ```
 */
export function format(text: string, file: string, options: FormatTextOptions = {}): FormatResult {
  const { module, diagnostics } = parse(text, file);
  if (hasErrors(diagnostics)) return { text, diagnostics, changed: false };
  const printOptions: FormatOptions = { ...options, source: text };
  const formatted = file.endsWith(".md")
    ? formatLiterate(text, module, printOptions)
    : formatModule(module, printOptions);
  return { text: formatted, diagnostics, changed: formatted !== text };
}
