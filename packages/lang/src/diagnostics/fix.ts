/** Quick fixes: a diagnostic with exactly one "did you mean" candidate replaces its span with it. */
import type { Span } from "../syntax/ast.js";
import type { Diagnostic, Localized } from "./diagnostic.js";

/** A diagnostic's fix: replace the text of `edit.span` with `edit.newText`. */
export interface QuickFix {
  readonly title: Localized;
  readonly edit: { readonly span: Span; readonly newText: string };
}

/**
 * The fix for `diagnostic`, when it is unambiguous: one suggestion, and a span that covers a
 * single word of `text` (the misspelt name or keyword) or a single punctuation mark, so the
 * replacement cannot eat more. Every editor (the language server, the playground) offers these.
 */
export function quickFixFor(diagnostic: Diagnostic, text: string): QuickFix | undefined {
  const [only, ...others] = diagnostic.suggestions;
  if (only === undefined || others.length > 0) return undefined;
  const written = text.slice(diagnostic.span.start.offset, diagnostic.span.end.offset);
  if (!/^(?:[\p{L}\p{N}_.-]+|\p{P})$/u.test(written) || written === only) return undefined;
  return {
    title: { en: `Change '${written}' to '${only}'`, zh: `将“${written}”改为“${only}”` },
    edit: { span: diagnostic.span, newText: only },
  };
}
