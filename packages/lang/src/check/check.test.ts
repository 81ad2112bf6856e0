import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editDistance, suggest } from "../diagnostics/suggest.js";
import { memoryHost } from "../modules/host.js";
import type { LoadedModules } from "../modules/load.js";
import { parse } from "../parse/index.js";
import type {
  AccountabilityRule,
  Declaration,
  EscalationRule,
  Expr,
  Identifier,
  MemberExpr,
  Module,
} from "../syntax/ast.js";
import { analyze } from "./analyze.js";
import { check } from "./check.js";
import type { CheckedPolicy } from "./model.js";

const standard = `
# A standard the policy imports: no header needed.
type TeamKind = enum("专职", "兼职", "无")
param minMembersFirstClass: integer [人] = 15
param minMembersPartTime: integer [人] = 8
define minMembers(kind: TeamKind): integer [人] =
  if kind = "专职" then minMembersFirstClass else minMembersPartTime
`;

/** A policy that uses every construct of docs/language.md once. */
const policySource = `policy "资源县实施方案"
  version "1.0.0"
  source "资政办函〔2026〕2号"
  effective 2026-02-13
  warning 30 days

import "./std/gbt.remit" as gbt

clause 2.1.3 "建立常态化基层火灾防控机制" text "对重大火灾隐患实行挂牌督办"
clause 2.3.3 "深入落实群防群治工作机制"
clause 3.3 "建立考核问责机制"

param listingDays: duration = 7 days "重大隐患挂牌督办期限"
param gridDays: duration = 15 days
param townshipDays: duration = 30 days
param targetDate: date = 2026-12-31
param lastDay: date = targetDate

type Level = enum("一般", "重大")

record county "资源县" {
  name: text
  analysisMeetings: list date
}

collection townships "乡镇" {
  name: text
  government: text
  areaKm2: decimal [km2]
  team: record {
    kind: gbt.TeamKind
    members: integer [人]
    establishedOn: optional date
  }
  meetings: list date
}

collection villages {
  townshipId -> townships as township
  firePactOn: optional date
}

collection venues {
  townshipId -> townships as township
  name: text
}

collection hazards "火灾隐患" since foundOn {
  venueId -> venues as venue
  level: Level
  foundOn: date
  rectifyBy: optional planned date
  rectifiedOn: optional date
  listedOn: optional date
}

collection incidents since date {
  townshipId -> optional townships as 乡镇
  date: date
  deaths: integer [人]
}

define hasTeam(t: townships): bool = t.team.establishedOn is set and t.team.kind in ["专职", "兼职"]
define understaffed(t: townships) = t.team.members < gbt.minMembers(t.team.kind)
define 乡镇政府(t: townships) = t.government
define pactCount(t: townships) = count(v in t.villages where v.firePactOn is set)
define venueNames(t: townships) = t.venues.name
define openHazards(t: townships) = count(h in t.venues.hazards where h.rectifiedOn is missing)
define lateDays(h: hazards) = daysBetween(h.rectifyBy, h.rectifiedOn)
define big(t: townships) = t.areaKm2 >= 5.0 or t.team.members + 3 > 20

duty major-hazard-listing "重大火灾隐患挂牌督办"
  must
  cites 2.1.3
  for each h in hazards where h.level = "重大"
  let t = h.venue.township
  holder 乡镇政府(t)
  requires h.listedOn
  within listingDays of h.foundOn

duty quarterly-analysis "季度研判"
  must
  cites 2.1.3
  for each t in townships
  holder t.government
  requires latest(d in t.meetings where d in period)
  every quarter from 2026-02-13 until lastDay

duty county-monthly "县月度研判"
  should
  cites 2.1.3
  for county
  holder "资源县人民政府"
  requires any(d in county.analysisMeetings : d >= period.start and d <= period.end)
  every month from 2026-03-01

duty all-pacts "全部村制定公约"
  may
  cites 2.3.3
  for each t in townships
  holder t.government
  requires all(v in t.villages : v.firePactOn is set) and pactCount(t) = length(t.villages)
  by endOfYear(targetDate)

escalation general-hazard-ladder "一般隐患逐级处置"
  must
  cites 2.3.3
  for each h in hazards where h.level = "一般"
  holder "网格员"
  starts h.foundOn
  level grid "网格"
  level township "乡镇" after gridDays holder 乡镇政府(h.venue.township)
  level county "县" after townshipDays holder "资源县人民政府"
  closes h.rectifiedOn
  overdue after h.rectifyBy

accountability fire-accountability "亡人火灾责任倒查"
  must
  cites 3.3
  for each f in incidents where f.deaths > 0
  let t = f.乡镇
  as at f.date
  cause "基层消防组织不健全" when not hasTeam(t)
  cause "人员力量配备不足" when understaffed(t)
  targets 乡镇政府(t), "资源县消防安全委员会"
`;

/** Every syntax node under `root` (objects with a `kind`), depth first. */
function* nodes(root: unknown): Generator<{ kind: string }> {
  if (Array.isArray(root)) {
    for (const item of root) yield* nodes(item);
    return;
  }
  if (root === null || typeof root !== "object") return;
  const node = root as Record<string, unknown>;
  if (typeof node.kind === "string") yield node as { kind: string };
  for (const [key, value] of Object.entries(node)) if (key !== "span") yield* nodes(value);
}

function members(module: Module, property: string): MemberExpr[] {
  return [...nodes(module)].filter(
    (n): n is MemberExpr => n.kind === "MemberExpr" && (n as MemberExpr).property.name === property,
  );
}

function member(module: Module, property: string): MemberExpr {
  const [first] = members(module, property);
  if (first === undefined) throw new Error(`no member '${property}'`);
  return first;
}

function rule<K extends Declaration["kind"]>(
  module: Module,
  id: string,
  kind: K,
): Extract<Declaration, { kind: K }> {
  const found = module.declarations.find(
    (d) => d.kind === kind && "id" in d && d.id.kind === "RuleId" && d.id.text === id,
  );
  if (found === undefined) throw new Error(`no rule '${id}'`);
  return found as Extract<Declaration, { kind: K }>;
}

function analyzePolicy(source: string, extra: Record<string, string> = {}) {
  return analyze(
    "policy/policy.remit",
    memoryHost({ "policy/policy.remit": source, "policy/std/gbt.remit": standard, ...extra }),
  );
}

function errors(source: string): string[] {
  return analyzePolicy(source)
    .diagnostics.filter((d) => d.severity === "error")
    .map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column} ${d.message.en}`);
}

describe("the readers' language", () => {
  it("is the header's readers clause, in either spelling, else the language of the policy keyword", () => {
    const readers = (header: string) => analyzePolicy(`${header}\nclause 1 "c"\n`).policy?.info.readers;
    expect(readers('policy "p"')).toBe("en");
    expect(readers('政策 "p"')).toBe("zh");
    expect(readers('policy "p"\n  readers chinese')).toBe("zh");
    expect(readers('政策 "p"\n  读者 英文')).toBe("en");
  });
});

describe("a well-formed policy using every construct", () => {
  const result = analyzePolicy(policySource);
  const policy = result.policy as CheckedPolicy;
  const entry = result.modules[0] as Module;

  it("checks clean", () => {
    expect(result.diagnostics.map((d) => `${d.code} ${d.message.en}`)).toEqual([]);
    expect(policy).toBeDefined();
    expect(policy.modules.map((m) => m.file)).toEqual(["policy/policy.remit", "policy/std/gbt.remit"]);
    expect([...policy.sources.keys()]).toEqual(["policy/policy.remit", "policy/std/gbt.remit"]);
  });

  it("fills the header, clause, parameter, record and definition tables", () => {
    expect({ ...policy.info, warning: policy.info.warning?.kind }).toEqual({
      name: "资源县实施方案",
      version: "1.0.0",
      source: "资政办函〔2026〕2号",
      effective: "2026-02-13",
      warning: "DurationLiteral",
      calendar: undefined,
      rollOver: false,
      readers: "en",
    });
    expect([...policy.clauses.keys()]).toEqual(["2.1.3", "2.3.3", "3.3"]);
    expect(policy.clauses.get("2.1.3")?.text).toBe("对重大火灾隐患实行挂牌督办");
    expect([...policy.params.keys()].sort()).toEqual(
      [
        "gbt.minMembersFirstClass",
        "gbt.minMembersPartTime",
        "gridDays",
        "lastDay",
        "listingDays",
        "targetDate",
        "townshipDays",
      ].sort(),
    );
    expect(policy.params.get("gbt.minMembersFirstClass")?.type).toEqual({
      kind: "number",
      integer: true,
      unit: "人",
    });
    expect(policy.params.get("listingDays")?.description).toBe("重大隐患挂牌督办期限");
    expect(policy.records.get("county")?.fields.map((f) => f.name)).toEqual(["name", "analysisMeetings"]);
    const minMembers = policy.defines.get("gbt.minMembers");
    expect(minMembers?.params).toEqual([
      { name: "kind", type: { kind: "enum", values: ["专职", "兼职", "无"] }, slot: 0 },
    ]);
    expect(minMembers?.returnType).toEqual({ kind: "number", integer: true, unit: "人" });
    expect(policy.defines.get("understaffed")?.returnType).toEqual({ kind: "bool" });
    expect(policy.defines.get("pactCount")?.frameSize).toBe(2);
    expect(policy.defines.get("venueNames")?.returnType).toEqual({ kind: "list", element: { kind: "text" } });
    expect(policy.defines.get("big")?.frameSize).toBe(1);
  });

  it("fills collections with ids, since fields, references and inverses", () => {
    const townships = policy.collections.get("townships");
    expect(townships?.fields.map((f) => f.name)).toEqual([
      "id",
      "name",
      "government",
      "areaKm2",
      "team",
      "meetings",
    ]);
    expect(townships?.inverses).toEqual([
      { name: "villages", source: "villages", field: "townshipId" },
      { name: "venues", source: "venues", field: "townshipId" },
      { name: "incidents", source: "incidents", field: "townshipId" },
    ]);
    expect(policy.collections.get("hazards")?.since).toBe("foundOn");
    const reference = policy.collections.get("incidents")?.fields.find((f) => f.name === "townshipId");
    expect(reference?.reference).toEqual({ target: "townships", as: "乡镇", optional: true });
    expect(reference?.type).toEqual({ kind: "optional", inner: { kind: "text" } });
  });

  it("describes each rule", () => {
    expect(
      policy.rules.map((r) => [
        r.id,
        r.kind,
        r.modality,
        r.cites.join(","),
        r.subject?.kind,
        r.subject?.name,
        r.frameSize,
      ]),
    ).toEqual([
      ["major-hazard-listing", "duty", "must", "2.1.3", "collection", "hazards", 2],
      ["quarterly-analysis", "duty", "must", "2.1.3", "collection", "townships", 2],
      ["county-monthly", "duty", "should", "2.1.3", "record", "county", 1],
      ["all-pacts", "duty", "may", "2.3.3", "collection", "townships", 2],
      ["general-hazard-ladder", "escalation", "must", "2.3.3", "collection", "hazards", 1],
      ["fire-accountability", "accountability", "must", "3.3", "collection", "incidents", 2],
    ]);
    const kinds = policy.rules.map((r) => (r.kind === "duty" ? r.requirementKind : undefined));
    expect(kinds.slice(0, 4)).toEqual(["date", "date", "bool", "bool"]);
    const ladder = policy.rules[4];
    expect(ladder?.kind === "escalation" && [ladder.levels, ladder.closesKind]).toEqual([
      ["grid", "township", "county"],
      "date",
    ]);
  });

  it("gives locals frame slots in binding order", () => {
    const listing = rule(entry, "major-hazard-listing", "DutyRule");
    expect(policy.slotOf(listing.subject?.variable as Identifier)).toBe(0);
    expect(policy.slotOf(listing.lets[0]?.name as Identifier)).toBe(1);
    const pacts = rule(entry, "all-pacts", "DutyRule");
    const aggregate = [...nodes(pacts.requirement)].find((n) => n.kind === "AggregateExpr") as unknown as {
      variable: Identifier;
    };
    expect(policy.slotOf(aggregate.variable)).toBe(1);
    const requirement = pacts.requirement as Expr;
    expect(policy.typeOf(requirement)).toEqual({ kind: "bool" });
  });

  it("resolves fields, masked event dates, references and inverses", () => {
    expect(policy.resolve(member(entry, "level"))).toEqual({
      kind: "field",
      name: "level",
      overList: false,
      masked: false,
    });
    expect(policy.resolve(member(entry, "listedOn"))).toEqual({
      kind: "field",
      name: "listedOn",
      overList: false,
      masked: true,
    });
    expect(policy.resolve(member(entry, "rectifyBy"))).toEqual({
      kind: "field",
      name: "rectifyBy",
      overList: false,
      masked: false,
    });
    expect(policy.resolve(member(entry, "meetings"))).toEqual({
      kind: "field",
      name: "meetings",
      overList: false,
      masked: true,
    });
    expect(policy.resolve(member(entry, "analysisMeetings"))).toMatchObject({ kind: "field", masked: true });
    const township = member(entry, "township");
    expect(policy.resolve(township)).toEqual({
      kind: "reference",
      field: "townshipId",
      target: "townships",
      overList: false,
    });
    expect(policy.resolve(township.object as MemberExpr)).toEqual({
      kind: "reference",
      field: "venueId",
      target: "venues",
      overList: false,
    });
    expect(policy.typeOf(township)).toEqual({ kind: "entity", collection: "townships" });
    expect(policy.resolve(member(entry, "乡镇"))).toMatchObject({ kind: "reference", target: "townships" });
    expect(policy.typeOf(member(entry, "乡镇"))).toEqual({
      kind: "optional",
      inner: { kind: "entity", collection: "townships" },
    });
    expect(policy.resolve(member(entry, "villages"))).toEqual({
      kind: "inverse",
      source: "villages",
      field: "townshipId",
      overList: false,
    });
    expect(policy.typeOf(member(entry, "establishedOn"))).toEqual({
      kind: "optional",
      inner: { kind: "date", planned: false },
    });
  });

  it("maps member reads over lists and flattens them", () => {
    const [names] = members(entry, "name").filter(
      (m) => policy.resolve(m).kind === "field" && m.object.kind === "MemberExpr",
    );
    expect(policy.resolve(names as MemberExpr)).toEqual({
      kind: "field",
      name: "name",
      overList: true,
      masked: false,
    });
    expect(policy.typeOf(names as MemberExpr)).toEqual({ kind: "list", element: { kind: "text" } });
    const hazards = member(entry, "hazards");
    expect(policy.resolve(hazards)).toEqual({
      kind: "inverse",
      source: "hazards",
      field: "venueId",
      overList: true,
    });
    expect(policy.typeOf(hazards)).toEqual({
      kind: "list",
      element: { kind: "entity", collection: "hazards" },
    });
  });

  it("resolves built-in names, periods, parameters, definitions and imports", () => {
    const all = [...nodes(entry)];
    const names = all.filter((n) => n.kind === "NameExpr") as Extract<Expr, { kind: "NameExpr" }>[];
    const byName = (name: string) => names.filter((n) => n.name.name === name).map((n) => policy.resolve(n));
    expect(byName("period")).toEqual([{ kind: "period" }, { kind: "period" }, { kind: "period" }]);
    expect(byName("listingDays")).toEqual([{ kind: "param", key: "listingDays" }]);
    expect(byName("hazards")[0]).toEqual({ kind: "collection", name: "hazards" });
    expect(byName("county")[0]).toEqual({ kind: "record", name: "county" });
    expect(policy.resolve(member(entry, "start"))).toEqual({ kind: "periodMember", member: "start" });
    expect(policy.resolve(member(entry, "end"))).toEqual({ kind: "periodMember", member: "end" });
    const calls = all.filter((n) => n.kind === "CallExpr") as Extract<Expr, { kind: "CallExpr" }>[];
    const callee = (name: string) =>
      calls
        .filter((c) => c.callee.parts.map((p) => p.name).join(".") === name)
        .map((c) => policy.resolve(c))[0];
    expect(callee("gbt.minMembers")).toEqual({ kind: "define", key: "gbt.minMembers" });
    expect(callee("乡镇政府")).toEqual({ kind: "define", key: "乡镇政府" });
    expect(callee("daysBetween")).toEqual({ kind: "builtin", name: "daysBetween" });
    expect(callee("endOfYear")).toEqual({ kind: "builtin", name: "endOfYear" });
    const std = result.modules[1] as Module;
    const stdNames = [...nodes(std)].filter((n) => n.kind === "NameExpr") as Extract<
      Expr,
      { kind: "NameExpr" }
    >[];
    expect(stdNames.map((n) => policy.resolve(n))).toEqual([
      { kind: "local", slot: 0 },
      { kind: "param", key: "gbt.minMembersFirstClass" },
      { kind: "param", key: "gbt.minMembersPartTime" },
    ]);
  });

  it("types every expression and resolves every name, member and call the engine evaluates", () => {
    let checked = 0;
    for (const module of result.modules) {
      const roots: unknown[] = [module.header?.warning];
      for (const d of module.declarations) {
        if (d.kind === "ParamDecl") roots.push(d.default);
        if (d.kind === "DefineDecl") roots.push(d.body);
        if (d.kind === "DutyRule" || d.kind === "EscalationRule" || d.kind === "AccountabilityRule") {
          const { id, title, cites, modality, ...parts } = d;
          roots.push(
            parts.subject?.source,
            parts.subject?.filter,
            parts.lets.map((l) => l.value),
            parts.holder,
          );
          if (d.kind === "DutyRule") roots.push(d.requirement, d.deadline);
          if (d.kind === "EscalationRule") {
            roots.push(
              d.start,
              d.closes,
              d.overdueAfter,
              d.levels.map((l) => [l.after, l.when, l.holder]),
            );
          }
          if (d.kind === "AccountabilityRule")
            roots.push(
              d.asAt,
              d.causes.map((c) => c.condition),
              d.targets,
            );
        }
      }
      const all = [...nodes(roots)];
      // The object of \`gbt.name\` is an import alias, not a value: the engine reads the member's resolution.
      const aliasObjects = new Set(
        all
          .filter((n): n is MemberExpr => n.kind === "MemberExpr")
          .map((n) => n.object)
          .filter((o) => o.kind === "NameExpr" && o.name.name === "gbt"),
      );
      const expressions = all.filter(
        (n) =>
          !["Identifier", "QualifiedName", "Deadline"].includes(n.kind) &&
          !n.kind.endsWith("Deadline") &&
          !aliasObjects.has(n as Expr),
      ) as Expr[];
      checked += expressions.length;
      for (const expr of expressions) {
        expect(() => policy.typeOf(expr), expr.kind).not.toThrow();
        if (expr.kind === "NameExpr" || expr.kind === "MemberExpr" || expr.kind === "CallExpr") {
          expect(() => policy.resolve(expr)).not.toThrow();
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("types arithmetic with units, dates with durations and aggregates", () => {
    const plus = [...nodes(entry)].find(
      (n) => n.kind === "BinaryExpr" && (n as unknown as { operator: string }).operator === "+",
    );
    expect(policy.typeOf(plus as Expr)).toEqual({ kind: "number", integer: true, unit: "人" });
    const latest = [...nodes(entry)].find(
      (n) => n.kind === "AggregateExpr" && (n as unknown as { operator: string }).operator === "latest",
    );
    expect(policy.typeOf(latest as Expr)).toEqual({
      kind: "optional",
      inner: { kind: "date", planned: false },
    });
  });
});

describe("the example policy folder", () => {
  it("examples/every-construct checks clean", () => {
    const folder = new URL("../../../../examples/every-construct/", import.meta.url);
    const read = (name: string) => readFileSync(new URL(name, folder), "utf8");
    const result = analyze(
      "policy.remit.md",
      memoryHost({ "policy.remit.md": read("policy.remit.md"), "standard.remit": read("standard.remit") }),
    );
    expect(
      result.diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column} ${d.message.en}`),
    ).toEqual([]);
    expect(result.policy?.rules.length).toBeGreaterThan(10);
  });
});

/** Replaces one declaration of the entry and checks again (for trees the grammar cannot produce). */
function checkWith(source: string, replace: (d: Declaration) => Declaration): ReturnType<typeof check> {
  const file = "policy.remit";
  const parsed = parse(source, file);
  expect(parsed.diagnostics).toEqual([]);
  const module: Module = { ...parsed.module, declarations: parsed.module.declarations.map(replace) };
  const loaded: LoadedModules = {
    entry: file,
    modules: [module],
    sources: new Map([[file, source]]),
    aliases: new Map([[file, new Map()]]),
    diagnostics: [],
  };
  return check(loaded);
}

describe("rules missing required parts", () => {
  const source = `policy "p"
clause 1 "c"
collection incidents { date: date }
escalation e "t"
  must
  cites 1
  for each f in incidents
  holder "h"
  starts f.date
  level a
accountability a "t"
  must
  cites 1
  for each f in incidents
  as at f.date
  cause "x" when true
`;
  const codesOf = (result: ReturnType<typeof check>) =>
    result.diagnostics.map((d) => `${d.code} ${d.message.en}`);

  it("a rule with no cites (R5002)", () => {
    const result = checkWith(source, (d) => (d.kind === "EscalationRule" ? { ...d, cites: [] } : d));
    expect(codesOf(result)).toEqual(["R5002 rule 'e' cites no clause"]);
    expect(result.diagnostics[0]?.message.zh).toBe("规则“e”没有引用任何条款");
    expect(result.policy).toBeUndefined();
  });

  it("an accountability rule with no 'as at' (R5010)", () => {
    const result = checkWith(source, (d) =>
      d.kind === "AccountabilityRule" ? ({ ...d, asAt: undefined } as AccountabilityRule) : d,
    );
    expect(codesOf(result)).toEqual(["R5010 accountability rule 'a' has no 'as at' date"]);
    expect(result.diagnostics[0]?.message.zh).toBe("问责规则“a”缺少“截至”日期");
  });

  it("an escalation with no 'starts' (R5012) or no levels (R5013)", () => {
    const noStart = checkWith(source, (d) =>
      d.kind === "EscalationRule" ? ({ ...d, start: undefined } as EscalationRule) : d,
    );
    expect(codesOf(noStart)).toEqual(["R5012 escalation 'e' has no 'starts' date"]);
    expect(noStart.diagnostics[0]?.message.zh).toBe("升级规则“e”缺少“起算”日期");
    const noLevels = checkWith(source, (d) => (d.kind === "EscalationRule" ? { ...d, levels: [] } : d));
    expect(codesOf(noLevels)).toEqual(["R5013 escalation 'e' has no levels"]);
    expect(noLevels.diagnostics[0]?.message.zh).toBe("升级规则“e”没有级别");
    expect([noLevels.diagnostics[0]?.span.start.line, noLevels.diagnostics[0]?.span.start.column]).toEqual([
      4, 12,
    ]);
  });

  it("the unmodified policy checks clean", () => {
    expect(codesOf(checkWith(source, (d) => d))).toEqual([]);
  });
});

describe("type errors", () => {
  const withRule = (extra: string) => `${policySource}\n${extra}`;
  const base = policySource.split("\n").length;

  it("an enum compared with or tested against a value it does not have", () => {
    expect(errors(withRule('define bad(h: hazards) = h.level in ["一般", "特大"]\n'))).toEqual([
      `R4005 ${base + 1}:44 '特大' is not one of enum("一般", "重大")`,
    ]);
    expect(errors(withRule('param kind: gbt.TeamKind = "全职"\ndefine k = kind\n'))).toEqual([
      `R4005 ${base + 1}:28 '全职' is not one of enum("专职", "兼职", "无")`,
    ]);
  });

  it("exact and calendar durations do not mix, in comparisons and escalation thresholds", () => {
    expect(errors(withRule("define bad = gridDays < 1 month\n"))).toEqual([
      `R4004 ${base + 1}:14 cannot combine an exact duration (days, weeks) with a calendar one (months, quarters, years) using '<'`,
    ]);
    const ladder = policySource.replace(
      'level county "县" after townshipDays',
      'level county "县" after 2 months',
    );
    expect(errors(ladder).map((e) => e.split(" ")[0])).toEqual(["R4004"]);
    const decreasing = policySource.replace(
      "param townshipDays: duration = 30 days",
      "param townshipDays: duration = 2 weeks",
    );
    expect(errors(decreasing)).toEqual([
      expect.stringMatching(/^R5006 .* level 'county' must come after level 'township'/),
    ]);
  });

  it("conditions, holders and targets of the wrong type", () => {
    const cause = policySource.replace("when understaffed(t)", "when t.name");
    expect(errors(cause)).toEqual([
      expect.stringMatching(
        /^R4009 .* a cause's condition must be a condition \(bool\), found optional text$/,
      ),
    ]);
    const level = policySource.replace("after gridDays holder", "when h.foundOn holder");
    expect(errors(level)).toEqual([
      expect.stringMatching(/^R4009 .* a level's 'when' condition must be a condition/),
    ]);
    const target = policySource.replace("targets 乡镇政府(t), ", "targets f.deaths, ");
    expect(errors(target)).toEqual([
      expect.stringMatching(/^R4010 .* a target must be text naming who acts, found integer \[人\]$/),
    ]);
  });

  it("a cause's target that is a number, reported at its span", () => {
    const source = policySource.replace(
      "when understaffed(t)\n",
      "when understaffed(t) targets 12, f.deaths\n",
    );
    const line = source.split("\n").findIndex((l) => l.includes("targets 12")) + 1;
    const column = (source.split("\n")[line - 1] ?? "").indexOf("12") + 1;
    expect(errors(source)).toEqual([
      `R4010 ${line}:${column} a target must be text naming who acts, found integer`,
      `R4010 ${line}:${column + 4} a target must be text naming who acts, found integer [人]`,
    ]);
    const text = policySource.replace(
      "when understaffed(t)\n",
      'when understaffed(t) targets "资源县财政局", [t.name]\n',
    );
    expect(errors(text)).toEqual([]);
  });

  it("a non-constant parameter default and a parameter default from another parameter", () => {
    expect(
      errors(
        withRule(
          "param later: date = targetDate + 1 day\nparam lastCount: integer = length(county.analysisMeetings)\ndefine uses = later > asOf and lastCount > 1\n",
        ),
      ),
    ).toEqual([`R4011 ${base + 2}:28 the default of parameter 'lastCount' must be a constant`]);
  });

  it("number units follow the other side for bare literals and must agree otherwise", () => {
    expect(errors(withRule("define ok(t: townships) = t.team.members > 3 and t.areaKm2 < 2.5\n"))).toEqual(
      [],
    );
    expect(errors(withRule("define bad(t: townships) = t.team.members + t.areaKm2\n"))).toEqual([
      `R4003 ${base + 1}:28 units differ: '人' + 'km2'`,
    ]);
  });
});

describe("names", () => {
  it("suggests Chinese names in scope, locals included", () => {
    const result = analyzePolicy(
      `${policySource}\ndefine 县政府名称(乡镇甲: townships) = 乡镇乙.government\n`,
    );
    const unknown = result.diagnostics.find((d) => d.code === "R3004");
    expect(unknown?.message.zh).toBe("未知的名称“乡镇乙”");
    expect(unknown?.suggestions).toEqual(["乡镇甲"]);
    expect(unknown?.hint?.zh).toMatch(/^是否想写 “乡镇甲”？ 请先声明它/);
  });

  it("suggests fields, references and inverses on a collection", () => {
    const result = analyzePolicy(`${policySource}\ndefine n(t: townships) = count(v in t.village)\n`);
    expect(result.diagnostics.map((d) => [d.code, d.suggestions])).toEqual([["R3005", ["villages"]]]);
  });

  it("a name imported through a missing module is reported once, at the import", () => {
    const source = policySource.replace('"./std/gbt.remit"', '"./std/missing.remit"');
    expect(errors(source)).toEqual(["R3001 7:8 cannot find module 'policy/std/missing.remit'"]);
  });

  it("period is not available in a recurring duty's own 'from'", () => {
    const source = policySource.replace("every quarter from 2026-02-13", "every quarter from period.start");
    expect(errors(source).map((e) => e.split(" ")[0])).toEqual(["R3010"]);
  });
});

describe("recursion", () => {
  const recursionErrors = (defines: string) =>
    errors(`${policySource}\n${defines}`)
      .filter((e) => e.startsWith("R5008"))
      .map((e) => e.replace(/^R5008 \d+:\d+ /, ""));

  it("a definition calling itself", () => {
    expect(recursionErrors("define f(x: integer): integer = f(x - 1)\n")).toEqual([
      "definitions are recursive: 'f' -> 'f'",
    ]);
  });

  it("a three-definition cycle, once, and names without calls", () => {
    expect(
      recursionErrors(
        "define a(x: integer): integer = b(x)\ndefine b(x: integer): integer = c(x)\ndefine c(x: integer): integer = a(x)\n",
      ),
    ).toEqual(["definitions are recursive: 'a' -> 'b' -> 'c' -> 'a'"]);
    expect(recursionErrors("define p = q + 1\ndefine q = p\n")).toEqual([
      "definitions are recursive: 'p' -> 'q' -> 'p'",
    ]);
  });

  it("definitions that only share callees are not recursive", () => {
    expect(
      recursionErrors(
        "define a(x: integer): integer = c(x) + c(x)\ndefine b(x: integer): integer = a(x) + c(x)\ndefine c(x: integer): integer = x\n",
      ),
    ).toEqual([]);
  });
});

describe("properties", () => {
  const units = fc.constantFrom<string | undefined>(undefined, "人", "辆", "km2");

  it("adding numbers is an error exactly when both carry different units", () => {
    fc.assert(
      fc.property(units, units, (a, b) => {
        const unit = (u: string | undefined) => (u === undefined ? "" : ` [${u}]`);
        const source = `${policySource}\nparam x: integer${unit(a)} = 1\nparam y: integer${unit(b)} = 2\ndefine s = x + y\n`;
        const unitErrors = errors(source).filter((e) => e.startsWith("R4003"));
        expect(unitErrors.length).toBe(a !== undefined && b !== undefined && a !== b ? 1 : 0);
      }),
      { numRuns: 30 },
    );
  });

  it("adding durations is an error exactly when one is exact and the other calendar", () => {
    const unitNames = fc.constantFrom("days", "weeks", "months", "quarters", "years");
    fc.assert(
      fc.property(unitNames, unitNames, (a, b) => {
        const exact = (u: string) => u === "days" || u === "weeks";
        const found = errors(`${policySource}\ndefine s = 1 ${a} + 2 ${b}\n`).filter((e) =>
          e.startsWith("R4004"),
        );
        expect(found.length).toBe(exact(a) === exact(b) ? 0 : 1);
      }),
      { numRuns: 25 },
    );
  });

  it("edit distance is a metric on code points", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "乡", "镇", "村"), maxLength: 6 });
    fc.assert(
      fc.property(word, word, word, (a, b, c) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b) === 0).toBe(a === b);
        expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max([...a].length, [...b].length));
        expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c) + 1);
      }),
    );
  });

  it("suggestions are close, distinct and never the name itself", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "乡", "镇"), minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 8 }), (name, candidates) => {
        const found = suggest(name, candidates);
        expect(found.length).toBeLessThanOrEqual(3);
        expect(new Set(found).size).toBe(found.length);
        expect(found).not.toContain(name);
        for (const s of found) expect(candidates).toContain(s);
      }),
    );
  });
});

describe("names that are not declared", () => {
  const ziyuan = readFileSync(
    new URL("../../../../policies/ziyuan-2026/policy.remit.md", import.meta.url),
    "utf8",
  );
  const standards = ["gbt-35547-2017", "gb-35181-2025", "key-units", "nine-small-venues"];
  const files = Object.fromEntries(
    standards.map((name) => [
      `standards/${name}.remit`,
      readFileSync(new URL(`../../../../policies/standards/${name}.remit`, import.meta.url), "utf8"),
    ]),
  );
  const withoutSection = (heading: string) => {
    const start = ziyuan.indexOf(`## ${heading}`);
    const end = ziyuan.indexOf("\n## ", start + 1);
    return ziyuan.slice(0, start) + ziyuan.slice(end + 1);
  };
  const analyzeZiyuan = (text: string) =>
    analyze("ziyuan/policy.remit.md", memoryHost({ "ziyuan/policy.remit.md": text, ...files }));

  it("are reported once each, however often used, the other uses as related locations", () => {
    expect(analyzeZiyuan(ziyuan).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const { diagnostics } = analyzeZiyuan(withoutSection("定义"));
    const unknown = diagnostics.filter((d) => d.code === "R3004" || d.code === "R3006");
    const names = unknown.map((d) => d.message.en);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("unknown function 'government'");
    const government = unknown.find((d) => d.message.en === "unknown function 'government'");
    expect(government?.related.length).toBeGreaterThan(5);
    expect(government?.related.every((r) => r.message.zh === "此处也用到了它")).toBe(true);
    const uses = [government?.span, ...(government?.related.map((r) => r.span) ?? [])];
    expect(new Set(uses.map((s) => s?.start.offset)).size).toBe(uses.length);
  });

  it("get a hint to declare a parameter or a definition, in both languages", () => {
    const { diagnostics } = analyze(
      "p.remit",
      memoryHost({ "p.remit": 'policy "p"\nclause 1 "c"\ndefine late = 截止日期 > 2026-01-01\n' }),
    );
    const unknown = diagnostics.find((d) => d.code === "R3004");
    expect(unknown?.hint?.zh).toContain("参数 截止日期");
    expect(unknown?.hint?.zh).toContain("定义 截止日期");
    expect(unknown?.hint?.en).toContain("param 截止日期");
    expect(unknown?.hint?.en).toContain("define 截止日期");
  });
});
