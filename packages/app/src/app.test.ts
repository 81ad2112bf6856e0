import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { describePolicy } from "./describe.js";
import { collectSources, findPolicyEntry, pathProblemMessage } from "./entry.js";
import { evaluateFacts, hasEvaluationDate } from "./evaluate.js";
import { readTextFileChecked } from "./host.js";
import { buildPolicySources, loadPolicy } from "./load.js";

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "remit-app-"));
});

function put(file: string, text = ""): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

const source = `policy "kinds"
  version "2.0.0"

clause 3 "Hazards" text "Hazards are listed."

param dayCount: integer [days] = 3 "whole days"
param share: decimal = -0.5
param levels: list enum("一般", "重大") = ["重大"]
param deadline: date = 2026-12-31
param window: duration = 2 weeks
param copy: duration = window

collection hazards {
  foundOn: date
  listedOn: optional date
}

duty listing "Hazards are listed"
  should
  cites 3
  for each h in hazards
  holder "county"
  requires h.listedOn
  within window of h.foundOn
`;

describe("findPolicyEntry", () => {
  it("takes a file as it is and a folder's policy.remit.md before its policy.remit", () => {
    put("a/policy.remit");
    expect(findPolicyEntry(root, "a")).toEqual({ entry: "a/policy.remit" });
    put("a/policy.remit.md");
    expect(findPolicyEntry(root, "a")).toEqual({ entry: "a/policy.remit.md" });
    expect(findPolicyEntry(root, "a/policy.remit")).toEqual({ entry: "a/policy.remit" });
  });

  it("reports a missing path and a folder without an entry as values", () => {
    put("empty/notes.txt");
    const missing = findPolicyEntry(root, "nope");
    expect(missing).toEqual({ problem: { kind: "not-found", target: "nope" } });
    const empty = findPolicyEntry(root, "empty");
    if (!("problem" in empty)) throw new Error("expected a problem");
    expect(pathProblemMessage(empty.problem).en).toBe(
      "folder 'empty' has no policy.remit.md or policy.remit",
    );
    expect(collectSources(root, ["nope"])).toEqual({ problem: { kind: "not-found", target: "nope" } });
  });

  it("follows a symbolic link to a policy file, as the server does", () => {
    put("real/policy.remit.md");
    put("real/rules.remit");
    mkdirSync(path.join(root, "linked"));
    symlinkSync(path.join(root, "real/policy.remit.md"), path.join(root, "linked/policy.remit.md"));
    symlinkSync(path.join(root, "real/rules.remit"), path.join(root, "linked/rules.remit"));
    expect(findPolicyEntry(root, "linked")).toEqual({ entry: "linked/policy.remit.md" });
    expect(collectSources(root, ["linked"])).toEqual({
      files: ["linked/policy.remit.md", "linked/rules.remit"],
    });
  });

  it("refuses a device such as /dev/zero instead of calling it missing or reading it forever", () => {
    expect(findPolicyEntry(root, "/dev/zero")).toEqual({
      problem: { kind: "not-a-file", target: "/dev/zero" },
    });
    expect(collectSources(root, ["/dev/zero"])).toEqual({
      problem: { kind: "not-a-file", target: "/dev/zero" },
    });
    expect(readTextFileChecked(root, "/dev/zero")).toEqual({ problem: "not-a-file" });
    expect(readTextFileChecked(root, "nope")).toEqual({ problem: "missing" });
  });

  it("refuses a file too large for a string before reading any of it", () => {
    put("huge.json");
    // Sparse: 600 MB on paper, nothing on disk.
    truncateSync(path.join(root, "huge.json"), 600 * 1024 * 1024);
    expect(readTextFileChecked(root, "huge.json")).toEqual({ problem: "too-large" });
    rmSync(path.join(root, "huge.json"));
  });
});

describe("loadPolicy", () => {
  it("builds a policy folder and keeps the texts it read for code frames", () => {
    put("p/policy.remit", source);
    const loaded = loadPolicy("p", root);
    if ("problem" in loaded) throw new Error("expected a policy");
    expect(loaded.entry).toBe("p/policy.remit");
    expect(loaded.policy?.info.name).toBe("kinds");
    expect(loaded.host.texts.get("p/policy.remit")).toBe(source);
  });

  it("gives diagnostics and no policy when the source has errors", () => {
    const built = buildPolicySources(
      { "policy.remit": source.replace("h.listedOn", "h.listed") },
      "policy.remit",
    );
    expect(built.policy).toBeUndefined();
    expect(built.diagnostics.map((d) => d.severity)).toContain("error");
  });
});

describe("describePolicy", () => {
  it("gives every parameter its declared type and its default as override JSON", () => {
    const built = buildPolicySources({ "policy.remit": source }, "policy.remit");
    if (built.policy === undefined) throw new Error("expected a policy");
    const description = describePolicy(built.policy);
    expect(description).toMatchObject({
      name: "kinds",
      version: "2.0.0",
      hash: built.policy.info.hash,
      clauses: [{ id: "3", title: "Hazards", text: "Hazards are listed." }],
      rules: [{ id: "listing", title: "Hazards are listed", kind: "duty", modality: "should", cites: ["3"] }],
    });
    expect(description.parameters).toEqual([
      { key: "dayCount", type: "integer [days]", default: 3, description: "whole days" },
      { key: "share", type: "decimal", default: -0.5, description: null },
      { key: "levels", type: 'list enum("一般", "重大")', default: ["重大"], description: null },
      { key: "deadline", type: "date", default: "2026-12-31", description: null },
      { key: "window", type: "duration (days)", default: "14 days", description: null },
      { key: "copy", type: "duration (days)", default: "14 days", description: null },
    ]);
  });
});

describe("evaluation dates", () => {
  it("fall back to the facts' own asOf, and a host can tell when there is none", async () => {
    const built = buildPolicySources({ "policy.remit": source }, "policy.remit");
    if (built.policy === undefined) throw new Error("expected a policy");
    const facts = { asOf: "2026-03-20", hazards: [{ id: "H1", foundOn: "2026-03-01" }] };
    expect(hasEvaluationDate({}, facts)).toBe(true);
    expect(hasEvaluationDate({}, { hazards: [] })).toBe(false);
    expect(hasEvaluationDate({ asOf: "2026-03-20" }, { hazards: [] })).toBe(true);
    const own = await evaluateFacts(built.policy, facts, {});
    const given = await evaluateFacts(built.policy, { hazards: facts.hazards }, { asOf: "2026-03-20" });
    expect(own).toEqual(given);
    if (!("result" in own)) throw new Error("expected a result");
    expect(own.result.asOf).toBe("2026-03-20");
  });
});
