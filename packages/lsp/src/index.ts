/**
 * `@remit/lsp`: the Remit language server. `runLanguageServer()` serves over standard input and
 * output (what `remit lsp --stdio` runs); `startServer(connection)` serves any connection. The
 * feature functions work on plain text and spans, without the protocol.
 * @packageDocumentation
 */
import {
  createConnection,
  LSPErrorCodes,
  Message,
  ProposedFeatures,
  type ResponseMessage,
} from "vscode-languageserver/node";
import { startServer } from "./server.js";

export { documentLanguage } from "@remit/lang";
export { type CompletionCandidate, completionsAt } from "./completion.js";
export { formattingEdits } from "./formatting.js";
export { type HoverResult, hoverAt } from "./hover.js";
export { keywordOf, languageOfLocale } from "./language.js";
export {
  definitionAt,
  type RenameResult,
  type RenameTarget,
  referencesAt,
  renameAt,
  renameTargetAt,
  type TextEdit,
} from "./navigation.js";
export { type ServerOptions, startServer, toLsp, toRange } from "./server.js";
export {
  buildIndex,
  type LocalBinding,
  type Occurrence,
  occurrenceAt,
  type PolicySymbol,
  type Shape,
  type SymbolCommon,
  type SymbolIndex,
  type SymbolKind,
} from "./symbols.js";
export { type FileReader, type PolicyAnalysis, PolicyWorkspace } from "./workspace.js";

/**
 * Serves the language server on standard input and output until the client exits.
 * @example
 * ```ts
 * import { unlinkSync, writeFileSync } from "node:fs";
 * import { fileURLToPath } from "node:url";
 * import { StdioClient } from "@remit/lsp/client";
 * // An editor starts a script like this one and speaks the protocol over its standard streams.
 * const script = 'import { runLanguageServer } from "@remit/lsp";\nrunLanguageServer();\n';
 * const serverScript = fileURLToPath(new URL("./remit-language-server.mjs", import.meta.url));
 * writeFileSync(serverScript, script);
 * const client = await StdioClient.start({ serverScript, locale: "zh-CN" });
 * try {
 *   const uri = "file:///p/policy.remit";
 *   await client.open(uri, 'policy "P"\ncollection hazards { foundOn: date }\n');
 *   const hover = await client.hover(uri, { line: 1, character: 13 });
 *   console.log(hover !== null && JSON.stringify(hover.contents).includes("hazards")); // true
 * } finally {
 *   await client.stop();
 *   unlinkSync(serverScript);
 * }
 * ```
 */
export function runLanguageServer(
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): void {
  startServer(createConnection(ProposedFeatures.all, input, output, { cancelUndispatched }));
}

/**
 * A request the editor cancels before it is handled is answered "cancelled" at once, without its
 * work: while a long check runs, the hovers and completions queued behind it and given up by the
 * editor do not each run in turn.
 */
function cancelUndispatched(
  message: Message,
  next: (message: Message) => ResponseMessage | undefined,
): ResponseMessage | undefined {
  if (!Message.isRequest(message)) return next(message);
  return {
    jsonrpc: "2.0",
    id: message.id,
    error: { code: LSPErrorCodes.RequestCancelled, message: "cancelled" },
  };
}
