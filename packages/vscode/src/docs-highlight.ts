/**
 * Remit code in HTML documentation, highlighted with the same TextMate grammar the editor uses
 * (so the docs cannot colour a keyword the editor does not know). Shiki tokenizes with the
 * grammar; each token carries its light and dark colour as CSS variables and one static style
 * sheet picks the one the page shows, so no per-page colour table is needed.
 */
import {
  type BundledTheme,
  bundledThemes,
  codeToTokensWithThemes,
  createOnigurumaEngine,
  createShikiInternal,
  type HighlighterCoreOptions,
  loadBuiltinWasm,
} from "@gerrit0/mini-shiki";
import { grammarJson, remitGrammar } from "./grammar.js";

/** The fence names that mean Remit code. */
export const remitFenceLanguages: readonly string[] = ["remit"];

/** The themes of a page with a light and a dark scheme. */
export interface HighlightThemes {
  readonly light: BundledTheme;
  readonly dark: BundledTheme;
}

/** Turns Remit source into HTML: one span per token, lines separated by `<br/>`. */
export interface RemitHighlighter {
  highlight(code: string): string;
}

/**
 * The style sheet for the spans `highlight` writes. It follows the page's scheme the way the
 * documentation theme does: the reader's system preference, overridden by an explicit
 * `data-theme` on the root element.
 */
export const remitHighlightStyle = [
  ".remit-hl { color: var(--remit-light); }",
  "@media (prefers-color-scheme: dark) { :root:not([data-theme='light']) .remit-hl { color: var(--remit-dark); } }",
  ":root[data-theme='dark'] .remit-hl { color: var(--remit-dark); }",
].join("\n");

const languageId = "remit";

type LanguageInput = NonNullable<HighlighterCoreOptions["langs"]>[number];

export async function createRemitHighlighter(themes: HighlightThemes): Promise<RemitHighlighter> {
  await loadBuiltinWasm();
  // Shiki names a language by the grammar's `name`; the JSON round trip also drops `readonly`.
  const language = {
    ...(JSON.parse(grammarJson(remitGrammar())) as object),
    name: languageId,
  } as LanguageInput;
  const shiki = await createShikiInternal({
    engine: await createOnigurumaEngine(),
    themes: [bundledThemes[themes.light], bundledThemes[themes.dark]],
    langs: [language],
  });
  return {
    highlight(code: string): string {
      const lines = codeToTokensWithThemes(shiki, code, {
        lang: languageId,
        themes: { light: themes.light, dark: themes.dark },
      });
      // A final newline yields an empty last line; dropping it keeps the block's height.
      if (lines.length > 1 && lines.at(-1)?.length === 0) lines.pop();
      return lines
        .map((line) =>
          line
            .map((token) => {
              // Spaces have no colour to show; leaving them bare keeps the page small.
              if (token.content.trim() === "") return escapeHtml(token.content);
              const light = token.variants.light?.color ?? "inherit";
              const dark = token.variants.dark?.color ?? "inherit";
              return `<span class="remit-hl" style="--remit-light:${light};--remit-dark:${dark}">${escapeHtml(token.content)}</span>`;
            })
            .join(""),
        )
        .join("<br/>");
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
}
