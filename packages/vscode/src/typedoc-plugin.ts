/**
 * A TypeDoc plugin that highlights ```remit blocks in the API documentation (the README and doc
 * comments) with the editor's grammar. TypeDoc itself only loads the languages Shiki bundles, so
 * the plugin answers for Remit before TypeDoc's own highlighter and leaves every other language
 * to it. Load it with `"plugin": ["./packages/vscode/dist/typedoc-plugin.js"]`.
 */
import { type Application, JSX } from "typedoc";
import {
  createRemitHighlighter,
  type RemitHighlighter,
  remitFenceLanguages,
  remitHighlightStyle,
} from "./docs-highlight.js";

export function load(app: Application): void {
  let highlighter: RemitHighlighter | undefined;
  app.renderer.preRenderAsyncJobs.push(async () => {
    highlighter ??= await createRemitHighlighter({
      light: app.options.getValue("lightHighlightTheme"),
      dark: app.options.getValue("darkHighlightTheme"),
    });
  });
  const marked = app.renderer.markedPlugin;
  const highlightOtherLanguage = marked.getHighlighted.bind(marked);
  marked.getHighlighted = (text: string, lang?: string): string =>
    highlighter && lang !== undefined && remitFenceLanguages.includes(lang.toLowerCase())
      ? highlighter.highlight(text)
      : highlightOtherLanguage(text, lang);
  app.renderer.hooks.on("head.end", () =>
    JSX.createElement("style", null, JSX.createElement(JSX.Raw, { html: remitHighlightStyle })),
  );
}
