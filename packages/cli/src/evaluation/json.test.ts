import { compile, type EvaluationResult } from "@remit/engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MemoryStream } from "../io.js";
import { asksForAction, type ExplainLevel, resultSchemaVersion, writeResultJson } from "./json.js";

const source = `policy "p"
  version "0.1.0"

clause 1 "机制"

collection townships "乡镇" {
  name: text
  mechanismOn: optional date
  pactOn: optional date
}

duty mechanism "领导机制"
  must
  cites 1
  for each t in townships
  holder t.name
  requires t.mechanismOn
  by 2026-06-30

duty pact "防火公约"
  must
  cites 1
  for each t in townships
  holder t.name
  requires t.pactOn
  by 2026-12-31
`;

function evaluate(townships: readonly { id: string; mechanismOn: string | null; pactOn: string | null }[]) {
  const compiled = compile({ files: { "p.remit": source }, entry: "p.remit" });
  if (!("policy" in compiled)) throw new Error(compiled.diagnostics.map((d) => d.message.en).join("; "));
  const facts = { asOf: "2026-11-28", townships: townships.map((t) => ({ ...t, name: `镇${t.id}` })) };
  const outcome = compiled.policy.evaluate(facts);
  if ("errors" in outcome) throw new Error(JSON.stringify(outcome.errors));
  return outcome.result;
}

async function written(result: EvaluationResult, explain: ExplainLevel, pretty: boolean): Promise<string> {
  const out = new MemoryStream();
  await writeResultJson(result, out, { explain, pretty });
  return out.text;
}

const day = fc.option(fc.constantFrom("2026-03-01", "2026-08-01", "2026-12-01"), { nil: null });
const counties = fc.uniqueArray(
  fc.record({ id: fc.stringMatching(/^T\d{1,4}$/), mechanismOn: day, pactOn: day }),
  { selector: (t) => t.id, maxLength: 30 },
);

describe("the streamed JSON result", () => {
  it("is, pretty and with every explanation, the text JSON.stringify gives of the whole document", async () => {
    await fc.assert(
      fc.asyncProperty(counties, async (townships) => {
        const result = evaluate(townships);
        const whole = `${JSON.stringify({ schemaVersion: resultSchemaVersion, ...result }, null, 2)}\n`;
        expect(await written(result, "all", true)).toBe(whole);
        const compact = await written(evaluate(townships), "all", false);
        expect(compact).toBe(`${JSON.stringify({ schemaVersion: resultSchemaVersion, ...result })}\n`);
      }),
      { numRuns: 40 },
    );
  });

  it("explains only what is asked: none, the findings that ask for action, or all", async () => {
    await fc.assert(
      fc.asyncProperty(
        counties,
        fc.constantFrom<ExplainLevel>("none", "actions", "all"),
        async (townships, level) => {
          const result = evaluate(townships);
          const parsed = JSON.parse(await written(result, level, false)) as {
            findings: Record<string, unknown>[];
          };
          expect(parsed.findings).toHaveLength(result.findings.length);
          parsed.findings.forEach((finding, i) => {
            const original = result.findings[i]!;
            const expected = level === "all" || (level === "actions" && asksForAction(original));
            expect("explanation" in finding).toBe(expected);
            expect(finding["status"]).toBe(original.status);
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it("writes a large answer in chunks and waits for a full stream to drain", async () => {
    const townships = Array.from({ length: 2000 }, (_, i) => ({
      id: `T${i}`,
      mechanismOn: null,
      pactOn: null,
    }));
    const result = evaluate(townships);
    const chunks: string[] = [];
    let waiting: (() => void) | undefined;
    let waits = 0;
    const stream = {
      write(text: string): boolean {
        chunks.push(text);
        return false;
      },
      once(_event: "drain", listener: () => void): void {
        waits++;
        waiting = listener;
      },
    };
    const done = writeResultJson(result, stream, { explain: "all", pretty: false });
    // The writer stops after the first chunk until the stream drains.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(chunks).toHaveLength(1);
    while (waiting !== undefined) {
      const resume = waiting;
      waiting = undefined;
      resume();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await done;
    expect(chunks.length).toBeGreaterThan(2);
    expect(waits).toBe(chunks.length);
    // Findings go out in chunks of about 64 KB; the last chunk holds the summary.
    expect(Math.max(...chunks.slice(0, -1).map((c) => c.length))).toBeLessThan(80 * 1024);
    expect(JSON.parse(chunks.join("")).findings).toHaveLength(4000);
  });
});
