/**
 * The hazard, venue and village rules of the Ziyuan policy written by hand in plain TypeScript:
 * the baseline the engine is measured against. It checks the facts it reads (types, dates, ids,
 * references) and builds the same findings, with explanations of the same shape.
 */
import { type Finding, formatIsoDate, parseIsoDate } from "@remit/engine";

type Row = Record<string, unknown>;

export const handwrittenRules = [
  "major-hazard-listing",
  "major-hazard-time-limit",
  "major-hazard-case-closing",
  "key-unit-determination",
  "village-volunteer-team",
  "village-fire-pact",
  "village-safety-manager",
  "general-hazard-ladder",
  "liability-insurance",
  "commitment-filing",
] as const;

const target = parseIsoDate("2026-12-31")!;

type Localized = { readonly en: string; readonly zh: string };
type Because = Finding["explanation"]["because"][number];
/** What an unmet duty lacks, in both languages: one shared object per rule. */
const noDateYet = (field: string): Localized => ({ en: `no date yet for ${field}`, zh: `${field} 尚无日期` });
const doesNotHold = (test: string): Localized => ({ en: `${test} does not hold`, zh: `${test} 不成立` });
const missingListing = noDateYet("h.listedOn");
const missingTimeLimit = doesNotHold("h.rectifyBy is set");
const caseClosing = "if h.rectifiedOn is set then h.closedOn else none";
const missingCaseClosing = noDateYet(caseClosing);
const missingKeyUnit = doesNotHold("v.keyUnit");
const missingInsurance = doesNotHold("v.liabilityInsurance");
const missingCommitment = doesNotHold("v.commitmentFiled");
const missingVolunteerTeam = doesNotHold("v.volunteerTeam");
const missingFirePact = noDateYet("v.firePactOn");
const missingSafetyManager = doesNotHold("v.safetyManager");
const ladderLevels = ["grid", "township", "county"] as const;

function status(met: boolean, modality: string, due: number | null, asOf: number): string {
  if (met) return "met";
  if (modality === "may") return "advisory";
  if (due === null) return "pending";
  if (asOf > due) return "overdue";
  return due - asOf <= 30 ? "due-soon" : "pending";
}

function fail(path: string): never {
  throw new Error(`invalid facts at ${path}`);
}

function date(row: Row, field: string, path: string, optional: boolean): number | null {
  const v = row[field];
  if (v === null || v === undefined) {
    if (optional) return null;
    fail(`${path}.${field}`);
  }
  const d = typeof v === "string" ? parseIsoDate(v) : undefined;
  if (d === undefined) fail(`${path}.${field}`);
  return d;
}

function duty(
  explaining: boolean,
  rule: string,
  title: string,
  modality: string,
  collection: string,
  id: string,
  township: string | undefined,
  holder: string,
  due: number | null,
  met: boolean,
  metOn: number | null,
  asOf: number,
  cites: string[],
  because: () => Because[],
  missing: Localized,
): Finding {
  const s = status(met, modality, due, asOf);
  const f: Record<string, unknown> = {
    rule,
    title,
    kind: "duty",
    modality,
    status: s,
    subject: { collection, id },
  };
  if (township !== undefined) f.group = township;
  f.holder = holder;
  if (due !== null) f.due = formatIsoDate(due);
  if (metOn !== null) {
    f.metOn = formatIsoDate(metOn);
    if (due !== null && metOn > due) f.late = true;
  }
  if (s === "overdue" && due !== null) f.overdueDays = asOf - due;
  f.cites = cites;
  if (explaining)
    f.explanation = met
      ? { holds: true, because: because() }
      : { holds: false, because: because(), missing: [missing] };
  return f as unknown as Finding;
}

/**
 * The findings of the hand-written rules as at `asOfText`. With `explaining` off, findings carry
 * no explanation at all: the checks alone, the least any code giving these findings must do.
 */
export function handwrittenEvaluate(facts: Row, asOfText: string, explaining = true): Finding[] {
  const asOf = parseIsoDate(asOfText)!;
  const townships = new Map<string, Row>();
  (facts.townships as Row[]).forEach((t, i) => {
    if (typeof t.id !== "string" || typeof t.name !== "string" || townships.has(t.id))
      fail(`townships[${i}].id`);
    townships.set(t.id, t);
  });
  const villages = facts.villages as Row[];
  const villageIds = new Set<string>();
  villages.forEach((v, i) => {
    const path = `villages[${i}]`;
    if (typeof v.id !== "string" || villageIds.has(v.id)) fail(`${path}.id`);
    villageIds.add(v.id);
    if (!townships.has(v.townshipId as string)) fail(`${path}.townshipId`);
    if (v.kind !== "村" && v.kind !== "社区") fail(`${path}.kind`);
    if (
      typeof v.name !== "string" ||
      typeof v.safetyManager !== "boolean" ||
      typeof v.volunteerTeam !== "boolean"
    )
      fail(path);
    date(v, "firePactOn", path, true);
  });
  const venues = new Map<string, Row>();
  (facts.venues as Row[]).forEach((v, i) => {
    const path = `venues[${i}]`;
    if (typeof v.id !== "string" || venues.has(v.id)) fail(`${path}.id`);
    if (!townships.has(v.townshipId as string)) fail(`${path}.townshipId`);
    if (v.villageId !== null && !villageIds.has(v.villageId as string)) fail(`${path}.villageId`);
    for (const f of [
      "crowded",
      "publicGathering",
      "flammable",
      "keyUnit",
      "liabilityInsurance",
      "commitmentFiled",
    ])
      if (typeof v[f] !== "boolean") fail(`${path}.${f}`);
    if (typeof v.name !== "string" || typeof v.gridId !== "string" || typeof v.category !== "string")
      fail(path);
    venues.set(v.id, v);
  });
  const hazards = facts.hazards as Row[];
  const hazardIds = new Set<string>();
  const parsed = hazards.map((h, i) => {
    const path = `hazards[${i}]`;
    if (typeof h.id !== "string" || hazardIds.has(h.id)) fail(`${path}.id`);
    hazardIds.add(h.id);
    const venue = venues.get(h.venueId as string) ?? fail(`${path}.venueId`);
    if (h.level !== "一般" && h.level !== "重大") fail(`${path}.level`);
    return {
      h,
      venue,
      foundOn: date(h, "foundOn", path, false)!,
      rectifyBy: date(h, "rectifyBy", path, true),
      rectifiedOn: date(h, "rectifiedOn", path, true),
      closedOn: date(h, "closedOn", path, true),
      listedOn: date(h, "listedOn", path, true),
    };
  });
  const masked = (d: number | null): number | null => (d !== null && d > asOf ? null : d);
  const byRule = new Map<string, Finding[]>(handwrittenRules.map((r) => [r, []]));
  const push = (rule: string, f: Finding): void => {
    byRule.get(rule)!.push(f);
  };

  for (const p of parsed) {
    if (p.foundOn > asOf) continue;
    const id = p.h.id as string;
    const township = p.venue.townshipId as string;
    const rectifiedOn = masked(p.rectifiedOn);
    const closedOn = masked(p.closedOn);
    const listedOn = masked(p.listedOn);
    if (p.h.level === "重大") {
      const due = p.foundOn + 7;
      push(
        "major-hazard-listing",
        duty(
          explaining,
          "major-hazard-listing",
          "重大火灾隐患挂牌督办",
          "must",
          "hazards",
          id,
          township,
          "资源县人民政府",
          due,
          listedOn !== null,
          listedOn,
          asOf,
          ["2.1.3"],
          () => [
            { test: "h.listedOn is set", value: listedOn === null ? null : formatIsoDate(listedOn) },
            {
              test: "h.listedOn ≤ h.foundOn + majorHazardListing",
              value: listedOn === null ? null : listedOn <= due,
              values: { "h.foundOn + majorHazardListing": formatIsoDate(due) },
            },
          ],
          missingListing,
        ),
      );
      push(
        "major-hazard-time-limit",
        duty(
          explaining,
          "major-hazard-time-limit",
          "重大火灾隐患明确整改期限",
          "must",
          "hazards",
          id,
          township,
          "资源县人民政府",
          due,
          p.rectifyBy !== null,
          null,
          asOf,
          ["2.1.3"],
          () => [
            {
              test: "h.rectifyBy is set",
              value: p.rectifyBy !== null,
              values: { "h.rectifyBy": p.rectifyBy === null ? null : formatIsoDate(p.rectifyBy) },
            },
          ],
          missingTimeLimit,
        ),
      );
      if (p.rectifyBy !== null) {
        const rectifyBy = p.rectifyBy;
        // The case counts as closed only on a recorded rectification.
        const closing = rectifiedOn === null ? null : closedOn;
        push(
          "major-hazard-case-closing",
          duty(
            explaining,
            "major-hazard-case-closing",
            "推动重大火灾隐患限期整改销案",
            "must",
            "hazards",
            id,
            township,
            "资源县人民政府",
            rectifyBy,
            closing !== null,
            closing,
            asOf,
            ["2.1.3"],
            () => [
              {
                test: `${caseClosing} is set`,
                value: closing === null ? null : formatIsoDate(closing),
                because: [
                  {
                    test: "h.rectifiedOn is set",
                    value: rectifiedOn !== null,
                    values: { "h.rectifiedOn": rectifiedOn === null ? null : formatIsoDate(rectifiedOn) },
                  },
                  rectifiedOn === null
                    ? { test: "none", value: null }
                    : { test: "h.closedOn", value: closedOn === null ? null : formatIsoDate(closedOn) },
                ],
              },
              {
                test: `${caseClosing} ≤ h.rectifyBy`,
                value: closing === null ? null : closing <= rectifyBy,
                values: { "h.rectifyBy": formatIsoDate(rectifyBy) },
              },
            ],
            missingCaseClosing,
          ),
        );
      }
    } else {
      const closed = rectifiedOn !== null;
      const judged = closed ? Math.min(rectifiedOn, asOf) : asOf;
      // The ladder counts from the official rectification deadline when one is set and later.
      const clock = p.rectifyBy !== null && p.rectifyBy > p.foundOn ? p.rectifyBy : p.foundOn;
      const natural = [p.foundOn, clock + 16, clock + 31];
      let age = 0;
      for (let i = 1; i < 3; i++) if (natural[i]! <= judged) age = i;
      const overdue = !closed && p.rectifyBy !== null && asOf > p.rectifyBy;
      const reachedOn = natural.slice();
      let level = age;
      if (overdue) {
        level = Math.min(age + 1, 2);
        for (let i = 1; i <= level; i++)
          reachedOn[i] = Math.min(natural[i]!, Math.max(p.rectifyBy! + 1, natural[i - 1]!));
      }
      const reached: Record<string, string> = {};
      for (let i = 0; i <= level; i++) reached[ladderLevels[i]!] = formatIsoDate(reachedOn[i]!);
      const holderLevel = closed ? 0 : level;
      const holder =
        holderLevel === 0
          ? `网格员（${p.venue.gridId as string}）`
          : holderLevel === 1
            ? `${townships.get(township)!.name as string}人民政府`
            : "资源县人民政府";
      const f: Record<string, unknown> = {
        rule: "general-hazard-ladder",
        title: "一般隐患逐级处置",
        kind: "escalation",
        modality: "should",
        status: closed ? "closed" : ladderLevels[level],
        subject: { collection: "hazards", id },
        group: township,
        holder,
        overdue,
        reached,
      };
      if (closed) f.closedOn = formatIsoDate(rectifiedOn);
      f.cites = ["2.3.3"];
      if (explaining) {
        const because: Because[] = [
          { test: "h.foundOn", value: formatIsoDate(p.foundOn) },
          { test: "h.rectifiedOn is set", value: closed ? formatIsoDate(rectifiedOn) : null },
          {
            test: "asOf > h.rectifyBy",
            value: p.rectifyBy === null ? null : asOf > p.rectifyBy,
            values: {
              asOf: formatIsoDate(asOf),
              "h.rectifyBy": p.rectifyBy === null ? null : formatIsoDate(p.rectifyBy),
            },
          },
        ];
        const levelWhen = (name: string, param: string, days: number, on: number): Because => ({
          test: `level ${name} when asOf > ladderClock(h) + ${param}`,
          value: formatIsoDate(on),
          because: [
            {
              test: `asOf > ladderClock(h) + ${param}`,
              value: asOf > clock + days,
              values: {
                asOf: formatIsoDate(asOf),
                "ladderClock(h)": formatIsoDate(clock),
                [param]: `${days} days`,
              },
              because: [
                {
                  test: "ladderClock(h)",
                  value: formatIsoDate(clock),
                  values: { h: id },
                  because: [
                    {
                      test: "if h.rectifyBy is set and h.rectifyBy > h.foundOn then h.rectifyBy else h.foundOn",
                      value: formatIsoDate(clock),
                      because: [
                        {
                          test: "h.rectifyBy is set and h.rectifyBy > h.foundOn",
                          value: clock !== p.foundOn,
                        },
                        clock !== p.foundOn
                          ? { test: "h.rectifyBy", value: formatIsoDate(clock) }
                          : { test: "h.foundOn", value: formatIsoDate(p.foundOn) },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        });
        if (level >= 1) because.push(levelWhen("township", "gridDays", 15, reachedOn[1]!));
        if (level >= 2) because.push(levelWhen("county", "townshipDays", 30, reachedOn[2]!));
        f.explanation = { holds: level > 0 || overdue, because };
      }
      push("general-hazard-ladder", f as unknown as Finding);
    }
  }

  for (const v of venues.values()) {
    const id = v.id as string;
    const township = v.townshipId as string;
    if (v.flammable) {
      push(
        "key-unit-determination",
        duty(
          explaining,
          "key-unit-determination",
          "科学确定消防安全重点单位",
          "must",
          "venues",
          id,
          township,
          "资源县消防救援大队",
          target,
          v.keyUnit === true,
          null,
          asOf,
          ["2.1.3"],
          () => [{ test: "v.keyUnit", value: v.keyUnit as boolean }],
          missingKeyUnit,
        ),
      );
    }
    if (v.publicGathering || v.flammable) {
      push(
        "liability-insurance",
        duty(
          explaining,
          "liability-insurance",
          "引导公众聚集场所和易燃易爆危险品相关企业投保火灾公众责任险",
          "should",
          "venues",
          id,
          township,
          v.name as string,
          target,
          v.liabilityInsurance === true,
          null,
          asOf,
          ["2.3.3"],
          () => [{ test: "v.liabilityInsurance", value: v.liabilityInsurance as boolean }],
          missingInsurance,
        ),
      );
    }
    if (v.crowded) {
      push(
        "commitment-filing",
        duty(
          explaining,
          "commitment-filing",
          "人员密集场所消防安全告知承诺",
          "should",
          "venues",
          id,
          township,
          v.name as string,
          target,
          v.commitmentFiled === true,
          null,
          asOf,
          ["2.3.3"],
          () => [{ test: "v.commitmentFiled", value: v.commitmentFiled as boolean }],
          missingCommitment,
        ),
      );
    }
  }

  for (const v of villages) {
    const id = v.id as string;
    const township = v.townshipId as string;
    const pact = masked(date(v, "firePactOn", "villages", true));
    const committee = `${v.name as string}${v.kind === "社区" ? "居民委员会" : "村民委员会"}`;
    push(
      "village-volunteer-team",
      duty(
        explaining,
        "village-volunteer-team",
        "指导村（社区）发展志愿消防队",
        "should",
        "villages",
        id,
        township,
        `${townships.get(township)!.name as string}人民政府`,
        target,
        v.volunteerTeam === true,
        null,
        asOf,
        ["2.2.1"],
        () => [{ test: "v.volunteerTeam", value: v.volunteerTeam as boolean }],
        missingVolunteerTeam,
      ),
    );
    push(
      "village-fire-pact",
      duty(
        explaining,
        "village-fire-pact",
        "村（居）委会制定并落实防火公约",
        "must",
        "villages",
        id,
        township,
        committee,
        target,
        pact !== null,
        pact,
        asOf,
        ["2.3.1"],
        () => [
          { test: "v.firePactOn is set", value: pact === null ? null : formatIsoDate(pact) },
          {
            test: "v.firePactOn ≤ targetDate",
            value: pact === null ? null : pact <= target,
            values: { targetDate: formatIsoDate(target) },
          },
        ],
        missingFirePact,
      ),
    );
    push(
      "village-safety-manager",
      duty(
        explaining,
        "village-safety-manager",
        "村（居）委会明确消防安全管理责任人",
        "must",
        "villages",
        id,
        township,
        committee,
        target,
        v.safetyManager === true,
        null,
        asOf,
        ["2.3.1"],
        () => [{ test: "v.safetyManager", value: v.safetyManager as boolean }],
        missingSafetyManager,
      ),
    );
  }

  // Same order as the engine's: by rule, then subject id.
  const out: Finding[] = [];
  for (const rule of handwrittenRules) {
    const list = byRule.get(rule)!;
    list.sort((a, b) => (a.subject.id < b.subject.id ? -1 : a.subject.id > b.subject.id ? 1 : 0));
    for (const f of list) out.push(f);
  }
  return out;
}
