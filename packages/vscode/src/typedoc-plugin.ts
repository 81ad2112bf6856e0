/**
 * A TypeDoc plugin that highlights ```remit blocks in the HTML documentation (the README, doc
 * comments and the pages of `docs/`) with the editor's grammar, and lists each page by its first
 * heading. TypeDoc itself only loads the languages Shiki bundles, so the plugin answers for Remit
 * before TypeDoc's own highlighter and leaves every other language to it. Load it with
 * `"plugin": ["./packages/vscode/dist/typedoc-plugin.js"]`.
 */
import { type Application, Converter, type DocumentReflection, JSX } from "typedoc";
import {
  createRemitHighlighter,
  type RemitHighlighter,
  remitFenceLanguages,
  remitHighlightStyle,
} from "./docs-highlight.js";

export function load(app: Application): void {
  // A page of docs/ is listed by its title (`Remit 政策语言参考`), not its file name (`language.zh`).
  app.converter.on(Converter.EVENT_CREATE_DOCUMENT, (_context, document: DocumentReflection) => {
    if (typeof document.frontmatter["title"] === "string") return;
    const heading = /^# +(.+?) *$/m.exec(document.content.map((part) => part.text).join(""));
    if (heading?.[1] !== undefined) document.name = heading[1];
  });
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
