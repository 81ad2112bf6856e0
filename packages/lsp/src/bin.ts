#!/usr/bin/env node
/** `remit-lsp --stdio`: the language server over standard input and output. */
import { runLanguageServer } from "./index.js";

runLanguageServer();
