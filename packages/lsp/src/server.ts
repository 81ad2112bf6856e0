/**
 * The language server: maps the protocol onto the workspace and the feature functions. The
 * logic (what is at a position, definitions, completions, fixes) lives in those plain modules;
 * this file converts positions and kinds and wires the requests.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Diagnostic, fixFor, type Language, normalizePath, type Span } from "@remit/lang";
import {
  type CodeAction,
  CodeActionKind,
  type CompletionItem,
  CompletionItemKind,
  type Connection,
  DiagnosticSeverity,
  type InitializeResult,
  LSPErrorCodes,
  type Diagnostic as LspDiagnostic,
  type Range,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { type CompletionCandidate, completionsAt } from "./completion.js";
import { formattingEdits } from "./formatting.js";
import { hoverAt } from "./hover.js";
import { languageOfLocale } from "./language.js";
import { definitionAt, referencesAt, renameAt, renameTargetAt } from "./navigation.js";
import { assertNever } from "./symbols.js";
import { PolicyWorkspace } from "./workspace.js";

/** Options a client may pass in `initializationOptions`. */
export interface ServerOptions {
  /** How long to wait after the last keystroke before checking, in milliseconds (default 50). */
  readonly debounceMs?: number;
}

const defaultDebounceMs = 50;

/**
 * The most diagnostics sent for one file, the first in position order: a file of garbage has tens
 * of thousands, megabytes that no one reads and that each keystroke would send again.
 */
const maxDiagnosticsPerFile = 1000;

/**
 * Serves the Remit language on `connection` until the client exits.
 *
 * @example
 * ```ts
 * import { PassThrough } from "node:stream";
 * import { startServer } from "@remit/lsp";
 * import { createConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver/node";
 * import { createProtocolConnection, InitializeRequest } from "vscode-languageserver-protocol/node";
 *
 * // A server and a client joined by two in-memory pipes instead of a process's streams.
 * const toServer = new PassThrough();
 * const toClient = new PassThrough();
 * startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
 * const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
 * client.listen();
 * const { capabilities } = await client.sendRequest(InitializeRequest.type, {
 *   processId: null,
 *   rootUri: null,
 *   capabilities: {},
 *   locale: "zh-cn",
 * });
 * console.log(capabilities.hoverProvider, capabilities.documentFormattingProvider); // true true
 * client.dispose();
 * ```
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new PolicyWorkspace(readFromDisk);
  const uris = new Map<string, string>();
  let language: Language = "en";
  let debounceMs = defaultDebounceMs;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const pathOf = (uri: string): string => {
    const path = uri.startsWith("file:") ? normalizePath(fileURLToPath(uri)) : uri;
    uris.set(path, uri);
    return path;
  };
  const uriOf = (path: string): string =>
    uris.get(path) ?? (path.startsWith("/") ? pathToFileURL(path).href : path);

  connection.onInitialize((params): InitializeResult => {
    language = languageOfLocale(params.locale);
    const options = params.initializationOptions as ServerOptions | undefined;
    if (typeof options?.debounceMs === "number" && options.debounceMs >= 0) debounceMs = options.debounceMs;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        completionProvider: { triggerCharacters: ["."] },
        documentFormattingProvider: true,
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: "remit" },
    };
  });

  const publishAll = (): void => {
    timer = undefined;
    try {
      publishOpen();
    } catch (error) {
      // A fault in the checker must not end the editor's server: it is logged, and the next
      // edit checks again.
      connection.console.error(
        `remit: checking failed: ${error instanceof Error ? error.stack : String(error)}`,
      );
    }
  };
  const publishOpen = (): void => {
    const published = new Set<string>();
    for (const path of workspace.openPaths()) {
      if (published.has(path)) continue;
      const analysis = workspace.analysisFor(path);
      for (const file of analysis.loaded.sources.keys()) {
        if (!workspace.isOpen(file) || published.has(file)) continue;
        published.add(file);
        const diagnostics = analysis.diagnostics
          .filter((d) => d.span.file === file)
          .slice(0, maxDiagnosticsPerFile)
          .map((d) => toLsp(d, language, uriOf));
        void connection.sendDiagnostics({ uri: uriOf(file), diagnostics });
      }
      if (!published.has(path)) {
        published.add(path);
        void connection.sendDiagnostics({ uri: uriOf(path), diagnostics: [] });
      }
    }
  };
  const schedule = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(publishAll, debounceMs);
  };

  documents.onDidChangeContent((event) => {
    workspace.setDocument(pathOf(event.document.uri), event.document.getText());
    schedule();
  });
  documents.onDidClose((event) => {
    workspace.closeDocument(pathOf(event.document.uri));
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    schedule();
  });
  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) workspace.fileChanged(pathOf(change.uri));
    schedule();
  });

  /** The document, its path and the offset of a position in it. */
  const at = (uri: string, position: { line: number; character: number }) => {
    const document = documents.get(uri);
    if (document === undefined) return undefined;
    const path = pathOf(uri);
    return { document, path, offset: document.offsetAt(position), analysis: workspace.analysisFor(path) };
  };

  connection.onHover((params) => {
    const here = at(params.textDocument.uri, params.position);
    if (here === undefined) return null;
    const hover = hoverAt(here.analysis, here.path, here.offset, language);
    if (hover === undefined) return null;
    return { contents: { kind: "markdown", value: hover.markdown }, range: toRange(hover.span) };
  });

  connection.onDefinition((params) => {
    const here = at(params.textDocument.uri, params.position);
    const span = here === undefined ? undefined : definitionAt(here.analysis, here.path, here.offset);
    return span === undefined ? null : { uri: uriOf(span.file), range: toRange(span) };
  });

  connection.onReferences((params) => {
    const here = at(params.textDocument.uri, params.position);
    if (here === undefined) return [];
    return referencesAt(here.analysis, here.path, here.offset, params.context.includeDeclaration).map(
      (span) => ({
        uri: uriOf(span.file),
        range: toRange(span),
      }),
    );
  });

  connection.onCompletion((params): CompletionItem[] => {
    const document = documents.get(params.textDocument.uri);
    if (document === undefined) return [];
    const offset = document.offsetAt(params.position);
    return completionsAt(workspace, pathOf(document.uri), document.getText(), offset, language).map(
      toCompletionItem,
    );
  });

  connection.onDocumentFormatting((params): TextEdit[] => {
    const document = documents.get(params.textDocument.uri);
    if (document === undefined) return [];
    return formattingEdits(document.getText(), pathOf(document.uri)).map((edit) => ({
      range: toRange(edit.span),
      newText: edit.newText,
    }));
  });

  connection.onPrepareRename((params): Range | ResponseError | null => {
    const here = at(params.textDocument.uri, params.position);
    if (here === undefined) return null;
    const target = renameTargetAt(here.analysis, here.path, here.offset);
    // The editor shows the error's message: why this cannot be renamed, not only that it cannot.
    return target.ok
      ? toRange(target.span)
      : new ResponseError(LSPErrorCodes.RequestFailed, target.reason[language]);
  });

  connection.onRenameRequest((params): WorkspaceEdit | ResponseError => {
    const here = at(params.textDocument.uri, params.position);
    if (here === undefined) return { changes: {} };
    const result = renameAt(here.analysis, here.path, here.offset, params.newName);
    if (!result.ok) return new ResponseError(LSPErrorCodes.RequestFailed, result.reason[language]);
    const changes: Record<string, TextEdit[]> = {};
    for (const edit of result.edits) {
      const uri = uriOf(edit.span.file);
      const list = changes[uri] ?? [];
      list.push({ range: toRange(edit.span), newText: edit.newText });
      changes[uri] = list;
    }
    return { changes };
  });

  connection.onCodeAction((params): CodeAction[] => {
    const document = documents.get(params.textDocument.uri);
    // Only quick fixes are offered: a request for other kinds alone (`source.organizeImports`
    // on save) gets none, as the protocol asks.
    const only = params.context.only;
    const wanted =
      only === undefined ||
      only.some((kind) => kind === CodeActionKind.Empty || kind === CodeActionKind.QuickFix);
    if (document === undefined || !wanted) return [];
    const path = pathOf(document.uri);
    const text = document.getText();
    const from = document.offsetAt(params.range.start);
    const to = document.offsetAt(params.range.end);
    const actions: CodeAction[] = [];
    for (const diagnostic of workspace.analysisFor(path).diagnostics) {
      if (diagnostic.span.file !== path) continue;
      if (diagnostic.span.end.offset < from || diagnostic.span.start.offset > to) continue;
      const fix = fixFor(diagnostic, text);
      if (fix === undefined) continue;
      actions.push({
        title: fix.title[language],
        kind: CodeActionKind.QuickFix,
        diagnostics: [toLsp(diagnostic, language, uriOf)],
        isPreferred: true,
        edit: { changes: { [document.uri]: [{ range: toRange(fix.edit.span), newText: fix.edit.newText }] } },
      });
    }
    return actions;
  });

  connection.onShutdown(() => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  });

  documents.listen(connection);
  connection.listen();
}

function readFromDisk(path: string): string | undefined {
  if (!path.startsWith("/")) return undefined;
  try {
    const text = readFileSync(path, "utf8");
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

/**
 * A span's range: the language counts lines and UTF-16 columns from 1, the protocol from 0.
 * @example
 * ```ts
 * import { PolicyWorkspace, toRange } from "@remit/lsp";
 * const file = "/p/policy.remit";
 * const text = `policy "listing"
 * clause 1 "hazards are listed within a week"
 * param listingDays: duration = 7 days "days to list a hazard"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within listingDays of h.foundOn
 * `;
 * const workspace = new PolicyWorkspace((path) => (path === file ? text : undefined));
 * const analysis = workspace.analysisFor(file);
 * const use = text.lastIndexOf("listingDays") + 1;
 * // Remit counts lines and columns from 1, the protocol from 0.
 * const declared = analysis.index.symbols.get("param:/p/policy.remit#listingDays");
 * console.log(declared && toRange(declared.nameSpan)); // { start: { line: 2, character: 6 }, end: { line: 2, character: 17 } }
 * ```
 */
export function toRange(span: Span): Range {
  return {
    start: { line: span.start.line - 1, character: span.start.column - 1 },
    end: { line: span.end.line - 1, character: span.end.column - 1 },
  };
}

/**
 * A diagnostic as the protocol sends it, its related locations as `relatedInformation` (`uriOf`
 * names a span's file as the editor does).
 * @example
 * ```ts
 * import { PolicyWorkspace, toLsp } from "@remit/lsp";
 * const file = "/p/policy.remit";
 * const text = `policy "listing"
 * clause 1 "hazards are listed within a week"
 * param listingDays: duration = 7 days "days to list a hazard"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within listingDays of h.foundOn
 * `;
 * const workspace = new PolicyWorkspace((path) => (path === file ? text : undefined));
 * const analysis = workspace.analysisFor(file);
 * const use = text.lastIndexOf("listingDays") + 1;
 * workspace.setDocument(file, text.replace("h.listedOn within", "h.listedAt within"));
 * const [problem] = workspace.analysisFor(file).diagnostics;
 * if (problem === undefined) throw new Error("expected a diagnostic");
 * const shown = toLsp(problem, "zh", (path) => `file://${path}`);
 * console.log(shown.code, shown.severity, shown.range.start); // R3005 1 { line: 5, character: 13 }
 * console.log(typeof shown.message === "string" && shown.message.split("\n")[0]); // hazards 的元素没有字段“listedAt”
 * ```
 */
export function toLsp(
  diagnostic: Diagnostic,
  language: Language,
  uriOf: (file: string) => string = (file) => file,
): LspDiagnostic {
  const hint = diagnostic.hint?.[language];
  const related = diagnostic.related.map((r) => ({
    location: { uri: uriOf(r.span.file), range: toRange(r.span) },
    message: r.message[language],
  }));
  return {
    range: toRange(diagnostic.span),
    severity: severityOf(diagnostic.severity),
    code: diagnostic.code,
    source: "remit",
    message: hint === undefined ? diagnostic.message[language] : `${diagnostic.message[language]}\n${hint}`,
    ...(related.length > 0 ? { relatedInformation: related } : {}),
    data: { suggestions: diagnostic.suggestions },
  };
}

function severityOf(severity: Diagnostic["severity"]): DiagnosticSeverity {
  switch (severity) {
    case "error":
      return DiagnosticSeverity.Error;
    case "warning":
      return DiagnosticSeverity.Warning;
    case "info":
      return DiagnosticSeverity.Information;
    default:
      return assertNever(severity);
  }
}

function toCompletionItem(candidate: CompletionCandidate): CompletionItem {
  const item: CompletionItem = { label: candidate.label, kind: completionKind(candidate.kind) };
  if (candidate.detail !== undefined) item.detail = candidate.detail;
  return item;
}

function completionKind(kind: CompletionCandidate["kind"]): CompletionItemKind {
  switch (kind) {
    case "keyword":
      return CompletionItemKind.Keyword;
    case "param":
      return CompletionItemKind.Constant;
    case "define":
      return CompletionItemKind.Function;
    case "collection":
    case "record":
      return CompletionItemKind.Class;
    case "type":
      return CompletionItemKind.TypeParameter;
    case "field":
      return CompletionItemKind.Field;
    case "clause":
      return CompletionItemKind.Reference;
    case "rule":
      return CompletionItemKind.Event;
    case "module":
      return CompletionItemKind.Module;
    case "local":
      return CompletionItemKind.Variable;
    default:
      return assertNever(kind);
  }
}
