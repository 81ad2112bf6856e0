import { grammarJson, markdownInjectionGrammar, remitGrammar } from "./grammar.js";

/** The grammar files of the extension and the text each must hold. */
export function grammarFiles(): { url: URL; text: string }[] {
  const folder = new URL("../syntaxes/", import.meta.url);
  return [
    { url: new URL("remit.tmLanguage.json", folder), text: grammarJson(remitGrammar()) },
    { url: new URL("remit.markdown.tmLanguage.json", folder), text: grammarJson(markdownInjectionGrammar()) },
  ];
}
