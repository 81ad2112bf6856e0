import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { EvaluationResult } from "@remit/engine";
import { hazardsSource } from "@remit/server/testing";
import { type Changes, openStore } from "@remit/store";
import { afterAll, describe, expect, it } from "vitest";
import { MemoryStream } from "../io.js";
import { run } from "../run.js";
import { idsIn } from "../testing/ids.js";

const root = mkdtempSync(join(tmpdir(), "remit-records-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function remit(argv: string[]) {
  const stdout = new MemoryStream();
  const stderr = new MemoryStream();
  const code = await run(argv, { stdout, stderr, env: {}, cwd: root });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const policy = hazardsSource();

/** A weekly briefing's policy: a duty, two ladders that both have a `county` level, accountability. */
const weekly = join(fileURLToPath(new URL(".", import.meta.url)), "testdata", "diff");
const weeklyIds = [
  // Rules, escalation levels, kinds of change and statuses: codes a reader must not meet.
  "hazard-listing",
  "general-ladder",
  "major-ladder",
  "fire-accountability",
  "grid",
  "township",
  "county",
  "newly-overdue",
  "accountability-triggered",
  "due-soon",
];

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
    expect(text.stdout).toContain("(no earlier record) → record #2 (as of 2026-03-27)");
    expect(text.stdout).toContain(
      "Newly overdue (1)\n  隐患挂牌 — hazards H2: not judged before, now overdue;",
    );
    expect((await remit(["diff"])).code).toBe(2);
  });

  it("words every kind of change by the policy's labels, in Chinese and in English, and keeps ids in JSON", async () => {
    const data = join(root, "weekly");
    for (const week of ["week1", "week2"]) {
      const recorded = await remit([
        "eval",
        weekly,
        "--facts",
        join(weekly, `${week}.json`),
        "--record",
        "--data",
        data,
      ]);
      expect(recorded.code, recorded.stderr).toBe(0);
    }
    // The policy's readers are Chinese: without --lang, so is the briefing.
    const zh = await remit(["diff", "1", "2", "--data", data]);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toBe(`隐患督办周报 版本 1.0.0
记录 #1（评估日 2026-11-04） → 记录 #2（评估日 2026-11-30）
共 6 项变化：新增逾期 1 项，升级 2 项，新触发问责 1 项，已解决 2 项。

新增逾期（1 项）
  隐患限期挂牌——火灾隐患 H1（甲厂）：由即将到期变为逾期；截止日期 2026-11-08；责任主体：乡（镇）人民政府。
升级（2 项）
  一般隐患逐级处置——火灾隐患 H2（乙店）：由网格升至县；2026-11-10 升至本级；责任主体：县人民政府。
  重大隐患挂牌督办——火灾隐患 H1（甲厂）：由乡（镇）升至县级挂牌督办；2026-11-07 升至本级；责任主体：县人民政府。
新触发问责（1 项）
  亡人火灾责任倒查——火灾 F1（甲厂）：此前未判定，现为已触发；原因：隐患未整改；问责对象：县人民政府、县消防救援大队。
已解决（2 项）
  隐患限期挂牌——火灾隐患 H3（丙站）：由逾期变为已完成（逾期完成）；截止日期 2026-11-01；完成于 2026-11-12；责任主体：乡（镇）人民政府。
  一般隐患逐级处置——火灾隐患 H3（丙站）：由网格变为已办结；办结 2026-11-20；责任主体：网格员。
`);
    const en = await remit(["diff", "1", "2", "--data", data, "--lang", "en"]);
    expect(en.stdout).toBe(`隐患督办周报 version 1.0.0
record #1 (as of 2026-11-04) → record #2 (as of 2026-11-30)
6 changes: 1 newly overdue, 2 escalated, 1 accountability newly triggered, 2 resolved.

Newly overdue (1)
  隐患限期挂牌 — 火灾隐患 H1 (甲厂): was due soon, now overdue; due 2026-11-08; held by 乡（镇）人民政府.
Escalated (2)
  一般隐患逐级处置 — 火灾隐患 H2 (乙店): climbed from 网格 to 县; at this level since 2026-11-10; held by 县人民政府.
  重大隐患挂牌督办 — 火灾隐患 H1 (甲厂): climbed from 乡（镇） to 县级挂牌督办; at this level since 2026-11-07; held by 县人民政府.
Accountability newly triggered (1)
  亡人火灾责任倒查 — 火灾 F1 (甲厂): not judged before, now triggered; causes: 隐患未整改; held to account: 县人民政府, 县消防救援大队.
Resolved (2)
  隐患限期挂牌 — 火灾隐患 H3 (丙站): was overdue, now met (late); due 2026-11-01; met on 2026-11-12; held by 乡（镇）人民政府.
  一般隐患逐级处置 — 火灾隐患 H3 (丙站): was 网格, now closed; closed 2026-11-20; held by 网格员.
`);
    for (const text of [zh.stdout, en.stdout]) expect(idsIn(text, weeklyIds)).toEqual([]);

    // JSON is for programs: the ids as recorded, with the labels beside them.
    const json = JSON.parse(
      (await remit(["diff", "1", "2", "--data", data, "--format", "json"])).stdout,
    ) as Changes;
    expect(json.changes.map((c) => [c.kind, c.rule, c.subject.id, c.before, c.after])).toEqual([
      ["newly-overdue", "hazard-listing", "H1", "due-soon", "overdue"],
      ["resolved", "hazard-listing", "H3", "overdue", "met"],
      ["escalated", "general-ladder", "H2", "grid", "county"],
      ["resolved", "general-ladder", "H3", "grid", "closed"],
      ["escalated", "major-ladder", "H1", "township", "county"],
      ["accountability-triggered", "fire-accountability", "F1", undefined, "triggered"],
    ]);
    expect(json.labels?.levels).toEqual({
      "general-ladder": { grid: "网格", county: "县" },
      "major-ladder": { township: "乡（镇）", county: "县级挂牌督办" },
    });
  });

  it("words a record made before records kept labels by ids where labels would be, and says so once", async () => {
    const data = join(root, "unlabelled");
    const appended: string[] = [];
    for (const week of ["week1", "week2"]) {
      const result = await remit([
        "eval",
        weekly,
        "--facts",
        join(weekly, `${week}.json`),
        "--format",
        "json",
      ]);
      const evaluated = JSON.parse(result.stdout) as EvaluationResult;
      // What a release before labels recorded: the same, without the policy's labels.
      const stored = await openStore({ dataDir: data });
      if ("error" in stored) throw new Error(stored.error.message.en);
      try {
        const record = await stored.value.append({
          requestId: week,
          policy: { ...evaluated.policy, sources: [] },
          factsHash: week,
          asOf: evaluated.asOf,
          params: evaluated.params,
          findings: evaluated.findings,
        });
        if ("error" in record) throw new Error(record.error.message.en);
        appended.push(record.value.id);
      } finally {
        await stored.value.close();
      }
    }
    const zh = await remit(["diff", ...appended, "--data", data, "--lang", "zh"]);
    expect(zh.code, zh.stderr).toBe(0);
    const note = "该记录形成时尚未保存政策的标签：对象类别与升级级别以编号显示。";
    expect(zh.stdout.split(note)).toHaveLength(2);
    // Titles, names and statuses are in the findings themselves; levels and subject kinds are not.
    expect(zh.stdout).toContain("重大隐患挂牌督办——hazards H1（甲厂）：由township升至county；");
    expect(zh.stdout).toContain("隐患限期挂牌——hazards H1（甲厂）：由即将到期变为逾期；");
    // What the leak check finds in such a record: the levels' ids, and no rule's.
    expect(idsIn(zh.stdout, weeklyIds)).toEqual(["grid", "township", "county"]);
    const en = await remit(["diff", ...appended, "--data", data, "--lang", "en"]);
    expect(en.stdout.match(/made before records kept the policy's labels/g)).toHaveLength(1);
    expect(en.stdout).toContain("climbed from township to county");
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
