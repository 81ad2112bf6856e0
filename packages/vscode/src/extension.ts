/**
 * The VS Code extension: starts the Remit language server (bundled as `out/server.cjs`) for
 * `.remit` files and `.remit.md` Markdown files. The client sends VS Code's display language as
 * the locale, so diagnostics and hovers follow it.
 */
import * as path from "node:path";
import { type ExtensionContext, workspace } from "vscode";
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join("out", "server.cjs"));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "remit" },
      { scheme: "file", language: "markdown", pattern: "**/*.remit.md" },
    ],
    synchronize: { fileEvents: workspace.createFileSystemWatcher("**/*.{remit,remit.md}") },
  };
  client = new LanguageClient("remit", "Remit", serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
