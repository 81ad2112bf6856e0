import { definitionAt, hoverAt, PolicyWorkspace } from "@remit/lsp";

// The editor features work on plain text: files by path (the server reads unopened ones from disk).
// `remit-lsp --stdio` (the package's bin) serves the same over the Language Server Protocol.
const file = "/policies/listing/policy.remit";
const text = `policy "listing"
  version "1.0.0"

clause 1 "hazards are listed within a week"

param window: duration = 7 days "time to list a hazard"

collection hazards since foundOn {
  foundOn: date
  listedOn: optional date
}

duty listing "hazards are listed"
  must
  cites 1
  for each h in hazards
  holder "township"
  requires h.listedOn
  within window of h.foundOn
`;
const workspace = new PolicyWorkspace((path) => (path === file ? text : undefined));
const analysis = workspace.analysisFor(file);
console.log(analysis.diagnostics.length, "diagnostics");

const use = text.indexOf("within window") + "within ".length;
const declared = definitionAt(analysis, file, use);
console.log("window is declared on line", declared?.start.line);
// Hover text is Markdown: the declaration as a remit code block, its kind, its description.
console.log(hoverAt(analysis, file, use, "en")?.markdown.split("\n\n").at(-1));
