import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hazardsSource } from "@remit/server/testing";
import { afterAll, describe, expect, it } from "vitest";
import { MemoryStream } from "../io.js";
import { run } from "../run.js";

const root = mkdtempSync(join(tmpdir(), "remit-records-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function remit(argv: string[]) {
  const stdout = new MemoryStream();
  const stderr = new MemoryStream();
  const code = await run(argv, { stdout, stderr, env: {}, cwd: root });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const policy = hazardsSource();

describe("records from the command line", { timeout: 120_000 }, () => {
  it("records evaluations with eval --record and reports what changed with diff", async () => {
    mkdirSync(join(root, "hazards"));
    writeFileSync(join(root, "hazards", "policy.remit"), policy);
    writeFileSync(
      join(root, "week1.json"),
      JSON.stringify({ hazards: [{ id: "H1", foundOn: "2026-03-01" }] }),
    );
    writeFileSync(
      join(root, "week2.json"),
      JSON.stringify({
        hazards: [
          { id: "H1", foundOn: "2026-03-01", listedOn: "2026-03-25" },
          { id: "H2", foundOn: "2026-03-01" },
        ],
      }),
    );
    const first = await remit([
      "eval",
      "hazards",
      "--facts",
      "week1.json",
      "--as-of",
      "2026-03-20",
      "--record",
      "--format",
      "json",
    ]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain("recorded as #1");
    const second = await remit([
      "eval",
      "hazards",
      "--facts",
      "week2.json",
      "--as-of",
      "2026-03-27",
      "--record",
      "--format",
      "json",
    ]);
    expect(second.stderr).toContain("recorded as #2");

    const diff = await remit(["diff", "1", "2", "--format", "json"]);
    expect(diff.code).toBe(0);
    const changes = JSON.parse(diff.stdout) as { changes: { kind: string; subject: { id: string } }[] };
    expect(changes.changes.map((c) => [c.kind, c.subject.id])).toEqual([
      ["resolved", "H1"],
      ["newly-overdue", "H2"],
    ]);
    const text = await remit([
      "diff",
      "--policy",
      "hazards",
      "--since",
      "2000-01-01T00:00:00Z",
      "--lang",
      "en",
    ]);
    expect(text.stdout).toMatch(/\(none\) → #2 2026-03-27 \(hazards 1\.0\.0/);
    expect(text.stdout).toContain("newly-overdue");
    expect((await remit(["diff"])).code).toBe(2);
  });

  it("prints the facts JSON Schema of a policy", async () => {
    const result = await remit(["schema", "hazards"]);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout) as {
      type: string;
      properties: { hazards: { type: string; items: { required: string[] } } };
    };
    expect(schema.type).toBe("object");
    expect(schema.properties.hazards.type).toBe("array");
    expect(schema.properties.hazards.items.required).toContain("foundOn");
  });
});
