import { describe, expect, it } from "vitest";
import {
  generatedPolicy as largePolicy,
  generatedDeclarationsPerCopy as perCopy,
} from "../bench/throughput.js";
import { analyze } from "../check/analyze.js";
import { memoryHost } from "../modules/host.js";
import { parse } from "./parse.js";

// Generous time limits: these read megabytes, and the suite may share the machine.
describe("a large policy", () => {
  it("parses 2 MB into every declaration, in order", () => {
    const { text, copies } = largePolicy(2 * 1024 * 1024);
    const result = parse(text, "large.remit");
    expect(result.diagnostics).toEqual([]);
    const declared = result.module.declarations;
    expect(declared).toHaveLength(copies * perCopy);
    expect(declared.filter((d) => d.kind === "DutyRule")).toHaveLength(copies);
    const last = declared[declared.length - 1];
    expect(last?.kind === "EscalationRule" ? last.id.text : undefined).toBe(`fix-c${copies}`);
    expect(last?.span.end.line).toBe(text.slice(0, last?.span.end.offset).split("\n").length);
    const starts = declared.map((d) => d.span.start.offset);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  }, 300_000);

  it("checks a policy of many declarations without a diagnostic", () => {
    const { text, copies } = largePolicy(200 * 1024);
    const result = analyze("policy.remit", memoryHost({ "policy.remit": text }));
    expect(result.diagnostics).toEqual([]);
    expect(result.policy?.rules).toHaveLength(copies * 2);
  }, 300_000);
});
