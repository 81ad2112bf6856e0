/**
 * `node dist/handwritten-process.js FACTS`: the hand-written evaluator as a whole process, the
 * baseline `remit eval FACTS --format json --rules <the hand-written rules>` is timed against.
 * It reads and parses the facts, evaluates, and writes the findings as one-line JSON, with the
 * explanation of each finding that asks for action (what `remit eval` writes by default), in
 * chunks that wait for a slow reader.
 */
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { handwrittenEvaluate } from "./handwritten.js";

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write("usage: handwritten-process FACTS\n");
  process.exit(2);
}
const facts = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
const findings = handwrittenEvaluate(facts, String(facts["asOf"]));
const settled = new Set(["met", "pending", "closed"]);
let text = '{"findings":[';
for (let i = 0; i < findings.length; i++) {
  const finding = findings[i]!;
  const { explanation, ...rest } = finding;
  text += `${i === 0 ? "" : ","}${JSON.stringify(settled.has(finding.status) ? rest : finding)}`;
  if (text.length > 65536) {
    if (!process.stdout.write(text)) await once(process.stdout, "drain");
    text = "";
  }
}
process.stdout.write(`${text}]}\n`);
