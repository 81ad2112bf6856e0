/**
 * `@remit/lsp/client`: a language client that runs a server over standard input and output as an
 * editor does. The protocol tests, the latency benchmark and the extension's package test drive
 * the server through it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import {
  type CancellationToken,
  type CodeAction,
  CodeActionRequest,
  type Command,
  type CompletionItem,
  CompletionRequest,
  createProtocolConnection,
  DefinitionRequest,
  type Diagnostic,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentFormattingRequest,
  ExitNotification,
  type Hover,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type Location,
  type Position,
  PrepareRenameRequest,
  type PrepareRenameResult,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type Range,
  ReferencesRequest,
  RenameRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver-protocol/node";

export interface ClientOptions {
  /** The server's entry script (`dist/bin.js`, or the `remit` executable with `serverArgs` `["lsp"]`). */
  readonly serverScript: string;
  /** Arguments before `--stdio`: the command word of an executable that runs the server as one. */
  readonly serverArgs?: readonly string[];
  /** The editor's locale, sent in `initialize`. */
  readonly locale: string;
  readonly debounceMs?: number;
}

/**
 * @example
 * ```ts
 * import { unlinkSync, writeFileSync } from "node:fs";
 * import { fileURLToPath } from "node:url";
 * import { StdioClient } from "@remit/lsp/client";
 * // The server's entry script: here one written beside this file that runs `runLanguageServer`.
 * const serverScript = fileURLToPath(new URL("./stdio-client-server.mjs", import.meta.url));
 * writeFileSync(serverScript, 'import { runLanguageServer } from "@remit/lsp";\nrunLanguageServer();\n');
 * const client = await StdioClient.start({ serverScript, locale: "en", debounceMs: 0 });
 * try {
 *   const diagnostics = await client.open("file:///p/policy.remit", 'policy "P"\nparam : integer = 1\n');
 *   console.log(diagnostics.map((d) => `${d.code} ${d.range.start.line}`)); // [ 'R2001 1' ]
 * } finally {
 *   console.log(await client.stop()); // 0
 *   unlinkSync(serverScript);
 * }
 * ```
 */
export class StdioClient {
  private readonly latest = new Map<string, Diagnostic[]>();
  private readonly waiting = new Map<string, ((diagnostics: Diagnostic[]) => void)[]>();
  private readonly versions = new Map<string, number>();

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: ProtocolConnection,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics }) => {
      this.latest.set(uri, diagnostics);
      const waiters = this.waiting.get(uri) ?? [];
      this.waiting.delete(uri);
      for (const resolve of waiters) resolve(diagnostics);
    });
  }

  /** Starts the server and completes the `initialize` handshake. */
  static async start(options: ClientOptions): Promise<StdioClient> {
    const child = spawn(process.execPath, [options.serverScript, ...(options.serverArgs ?? []), "--stdio"], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    if (child.stdout === null || child.stdin === null) throw new Error("the server has no standard streams");
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    connection.listen();
    const client = new StdioClient(child, connection);
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      locale: options.locale,
      capabilities: {},
      initializationOptions: options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** The next diagnostics published for `uri` (ask before sending the edit that causes them). */
  nextDiagnostics(uri: string): Promise<Diagnostic[]> {
    return new Promise((resolve) => {
      const list = this.waiting.get(uri) ?? [];
      list.push(resolve);
      this.waiting.set(uri, list);
    });
  }

  async open(uri: string, text: string, languageId = "remit"): Promise<Diagnostic[]> {
    const published = this.nextDiagnostics(uri);
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return published;
  }

  /** Replaces `range` with `text` and resolves with the diagnostics that follow. */
  async change(uri: string, range: Range, text: string): Promise<Diagnostic[]> {
    const published = this.nextDiagnostics(uri);
    await this.edit(uri, range, text);
    return published;
  }

  /** Replaces `range` with `text`, without waiting for diagnostics (a typist's next keystroke). */
  async edit(uri: string, range: Range, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
  }

  hover(uri: string, position: Position, token?: CancellationToken): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }, token);
  }

  async definition(uri: string, position: Position): Promise<Location | undefined> {
    const result = await this.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri },
      position,
    });
    if (result === null) return undefined;
    const first = Array.isArray(result) ? result[0] : result;
    return first !== undefined && "uri" in first ? first : undefined;
  }

  async references(uri: string, position: Position): Promise<Location[]> {
    const result = await this.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri },
      position,
      context: { includeDeclaration: true },
    });
    return result ?? [];
  }

  async completion(uri: string, position: Position, token?: CancellationToken): Promise<CompletionItem[]> {
    const result = await this.connection.sendRequest(
      CompletionRequest.type,
      { textDocument: { uri }, position },
      token,
    );
    if (result === null) return [];
    return Array.isArray(result) ? result : result.items;
  }

  async formatting(uri: string): Promise<TextEdit[]> {
    const result = await this.connection.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    return result ?? [];
  }

  /** The range a rename at `position` would change; rejects with the server's reason when none. */
  prepareRename(uri: string, position: Position): Promise<PrepareRenameResult | null> {
    return this.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position });
  }

  async rename(uri: string, position: Position, newName: string): Promise<WorkspaceEdit | null> {
    return this.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName });
  }

  /** The code actions for `range`, given the diagnostics the client shows there (of the kinds `only`). */
  async codeActions(
    uri: string,
    range: Range,
    diagnostics: Diagnostic[],
    only?: string[],
  ): Promise<(Command | CodeAction)[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: only === undefined ? { diagnostics } : { diagnostics, only },
    });
    return result ?? [];
  }

  /** Shuts the server down and waits for it to exit. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once("exit", (code) => resolve(code)));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}
