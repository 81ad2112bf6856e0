import { describe, expect, test } from "vitest";
import { format } from "./format.js";

/** Formats a `.remit` text that must parse. */
function fmt(text: string, keywords?: "en" | "zh" | "preserve"): string {
  const result = format(text, "test.remit", keywords === undefined ? {} : { keywords });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.text;
}

function lines(...text: string[]): string {
  return `${text.join("\n")}\n`;
}

describe("layout of each construct", () => {
  test("header fields one per line in a fixed order", () => {
    const input = `policy "资源县方案" warning 30 days version "1.0.0"  effective 2026-02-13 source "资政办函〔2026〕2号"`;
    expect(fmt(input)).toBe(
      lines(
        'policy "资源县方案"',
        '  version "1.0.0"',
        '  source "资政办函〔2026〕2号"',
        "  effective 2026-02-13",
        "  warning 30 days",
      ),
    );
  });

  test("rollover after the calendar it works on, before the grouping", () => {
    const input = `policy "p" rollover group by townships others "县级" calendar "cn-mainland" readers chinese`;
    expect(fmt(input)).toBe(
      lines(
        'policy "p"',
        "  readers chinese",
        '  calendar "cn-mainland"',
        "  rollover",
        '  group by townships others "县级"',
      ),
    );
    expect(fmt('policy "p" rollover version "1"')).toBe(lines('policy "p"', '  version "1"', "  rollover"));
  });

  test("labels of fields and definitions, a collection's naming path and the readers' language", () => {
    const input = lines(
      'policy "p" readers   chinese',
      'collection hazards "火灾隐患" since foundOn named venue . name { foundOn: date   "发现日期" venueId -> venues as venue "场所" }',
      'define late(h: hazards): bool "逾期" = h.foundOn < asOf',
    );
    const expected = lines(
      'policy "p"',
      "  readers chinese",
      'collection hazards "火灾隐患" since foundOn named venue.name {',
      '  foundOn: date "发现日期"',
      '  venueId -> venues as venue "场所"',
      "}",
      'define late(h: hazards): bool "逾期" = h.foundOn < asOf',
    );
    expect(fmt(input)).toBe(expected);
    expect(fmt(expected)).toBe(expected);
    const zh = fmt(expected, "zh");
    expect(zh).toContain("读者 中文");
    expect(zh).toContain("称为 venue.name");
    expect(fmt(zh, "en")).toBe(expected);
  });

  test("imports one per line, a blank line after the header and after the imports", () => {
    const input = `policy "p" import "../standards/gbt.remit" as gbt import "b.remit"   as b param x: integer = 1`;
    expect(fmt(input)).toBe(
      lines(
        'policy "p"',
        "",
        'import "../standards/gbt.remit" as gbt',
        'import "b.remit" as b',
        "",
        "param x: integer = 1",
      ),
    );
  });

  test("clause with its text on the next line", () => {
    expect(fmt(`clause 2.1.3   "建立机制" text "各乡镇应当……"\nclause 3 "问责"`)).toBe(
      lines('clause 2.1.3 "建立机制"', '  text "各乡镇应当……"', 'clause 3 "问责"'),
    );
  });

  test("param and type declarations on one line", () => {
    const input = `param gridDays : duration=15 days "网格内解决期限"\ntype TeamKind = enum( "专职","兼职" , "无")`;
    expect(fmt(input)).toBe(
      lines(
        'param gridDays: duration = 15 days "网格内解决期限"',
        'type TeamKind = enum("专职", "兼职", "无")',
      ),
    );
  });

  test("collection and record fields one per line inside braces", () => {
    const input = `collection hazards "火灾隐患" since foundOn { level: enum("一般","重大") foundOn: date
      rectifyBy: optional planned date venueId -> venues as venue ownerId -> optional gbt.owners as owner
      members: integer [人] tags: list text extra: record { note: text } }
      record county "县" {}`;
    expect(fmt(input)).toBe(
      lines(
        'collection hazards "火灾隐患" since foundOn {',
        '  level: enum("一般", "重大")',
        "  foundOn: date",
        "  rectifyBy: optional planned date",
        "  venueId -> venues as venue",
        "  ownerId -> optional gbt.owners as owner",
        "  members: integer [人]",
        "  tags: list text",
        "  extra: record {",
        "    note: text",
        "  }",
        "}",
        'record county "县" {}',
      ),
    );
  });

  test("define with parameters, return type and body", () => {
    expect(
      fmt(`define hasTeam( t : townships,k:TeamKind ) : bool = t.teamKind != "无"\ndefine year2026=2026`),
    ).toBe(
      lines('define hasTeam(t: townships, k: TeamKind): bool = t.teamKind != "无"', "define year2026 = 2026"),
    );
  });

  test("duty clauses one per line, indented two spaces, in the order of the grammar", () => {
    const input = `duty major-hazard-listing "重大火灾隐患挂牌督办" must cites 2.1.3 ,3.3 for each h in hazards where h.level = "重大" let v = h.venue let t = v.township holder "资源县人民政府" requires h.listedOn within majorHazardListing of h.foundOn`;
    expect(fmt(input)).toBe(
      lines(
        'duty major-hazard-listing "重大火灾隐患挂牌督办"',
        "  must",
        "  cites 2.1.3, 3.3",
        '  for each h in hazards where h.level = "重大"',
        "  let v = h.venue",
        "  let t = v.township",
        '  holder "资源县人民政府"',
        "  requires h.listedOn",
        "  within majorHazardListing of h.foundOn",
      ),
    );
  });

  test("fixed and recurring deadlines, and a subject that is a record", () => {
    const input = `duty a "A" should cites 1 for county requires county.planOn is set by 2026-12-31
      duty b "B" may cites 1 requires x every quarter from 2026-02-13 until 2027-12-31`;
    expect(fmt(input)).toBe(
      lines(
        'duty a "A"',
        "  should",
        "  cites 1",
        "  for county",
        "  requires county.planOn is set",
        "  by 2026-12-31",
        'duty b "B"',
        "  may",
        "  cites 1",
        "  requires x",
        "  every quarter from 2026-02-13 until 2027-12-31",
      ),
    );
  });

  test("escalation levels one per line", () => {
    const input = `escalation general-hazard-ladder "一般隐患逐级处置" must cites 2.3.3 for each h in hazards where h.level = "一般" holder "网格员" starts h.foundOn level grid "网格" level township "乡镇" after gridDays holder townshipGovernment(h.venue.township) level county when h.repeated closes h.rectifiedOn overdue after h.rectifyBy`;
    expect(fmt(input)).toBe(
      lines(
        'escalation general-hazard-ladder "一般隐患逐级处置"',
        "  must",
        "  cites 2.3.3",
        '  for each h in hazards where h.level = "一般"',
        '  holder "网格员"',
        "  starts h.foundOn",
        '  level grid "网格"',
        '  level township "乡镇" after gridDays holder townshipGovernment(h.venue.township)',
        "  level county when h.repeated",
        "  closes h.rectifiedOn",
        "  overdue after h.rectifyBy",
      ),
    );
  });

  test("accountability causes one per line and targets separated by commas", () => {
    const input = `accountability fire-accountability "责任倒查" must cites 3.3 for each f in incidents where f.deaths > 0 or f.socialImpact = "较大" let t = f.township as at f.date cause "基层消防组织不健全" when not hasTeam(t) or not hasStation(t) cause "人员力量配备不足" when understaffed(t) targets townshipGovernment(t),"县消防救援大队"`;
    expect(fmt(input)).toBe(
      lines(
        'accountability fire-accountability "责任倒查"',
        "  must",
        "  cites 3.3",
        '  for each f in incidents where f.deaths > 0 or f.socialImpact = "较大"',
        "  let t = f.township",
        "  as at f.date",
        '  cause "基层消防组织不健全" when not hasTeam(t) or not hasStation(t)',
        '  cause "人员力量配备不足" when understaffed(t)',
        '  targets townshipGovernment(t), "县消防救援大队"',
      ),
    );
  });

  test("a cause's targets on the cause's line, the rule's own after the causes", () => {
    const input = `accountability a "t" must cites 3.3 for each f in incidents as at f.date cause "组织不健全" when not hasTeam(f.township) targets townshipGovernment(f.township) ,"县消防救援大队" cause "保障不到位" when not budgetComplete(year(f.date)) targets "资源县财政局" targets "资源县人民政府"`;
    const expected = lines(
      'accountability a "t"',
      "  must",
      "  cites 3.3",
      "  for each f in incidents",
      "  as at f.date",
      '  cause "组织不健全" when not hasTeam(f.township) targets townshipGovernment(f.township), "县消防救援大队"',
      '  cause "保障不到位" when not budgetComplete(year(f.date)) targets "资源县财政局"',
      '  targets "资源县人民政府"',
    );
    expect(fmt(input)).toBe(expected);
    expect(fmt(expected)).toBe(expected);
  });

  test("a cause's targets in Chinese keywords stay Chinese, and converted to English", () => {
    const input = lines(
      'accountability a "t" must cites 3.3 for each f in incidents as at f.date',
      '  原因 "保障不到位" 当 非 budgetComplete(year(f.date)) 问责对象 "资源县财政局"',
      '  问责对象 "资源县人民政府"',
    );
    expect(fmt(input)).toContain(
      '  原因 "保障不到位" 当 非 budgetComplete(year(f.date)) 问责对象 "资源县财政局"\n',
    );
    expect(fmt(input, "en")).toContain(
      '  cause "保障不到位" when not budgetComplete(year(f.date)) targets "资源县财政局"\n',
    );
  });
});

describe("expressions", () => {
  test("operators spaced, minimal parentheses, the author's parentheses kept", () => {
    expect(fmt(`define a = x+y*z\ndefine b = (x+y)*z\ndefine c = ((x))\ndefine d = not(a and b)or-c`)).toBe(
      lines(
        "define a = x + y * z",
        "define b = (x + y) * z",
        "define c = ((x))",
        "define d = not (a and b) or -c",
      ),
    );
  });

  test("literals: numbers as written, strings re-escaped, lists, aggregates, conditionals", () => {
    const input = `define a = [2.50 ,1,"say \\"hi\\"\\\\ \\n","“弯引号”（全角）", true,none, 2026-01-31, 6 months,15 天]
      define b = count(v in t.villages where v.firePactOn is missing)+sum(m in t.members:m.age)
      define c = if x≥1 then "是" else "否"`;
    expect(fmt(input)).toBe(
      lines(
        'define a = [2.50, 1, "say \\"hi\\"\\\\ \\n", "“弯引号”（全角）", true, none, 2026-01-31, 6 months, 15 天]',
        "define b = count(v in t.villages where v.firePactOn is missing) + sum(m in t.members : m.age)",
        'define c = if x ≥ 1 then "是" else "否"',
      ),
    );
  });

  test("a long and/or chain is broken before each operator", () => {
    const input = `duty d "t" must cites 1 requires hasTeam(township) and township.stationBuiltOn is set and township.fullTimeMembers >= minimumMembers and township.drillHeldOn is set`;
    expect(fmt(input)).toBe(
      lines(
        'duty d "t"',
        "  must",
        "  cites 1",
        "  requires hasTeam(township)",
        "    and township.stationBuiltOn is set",
        "    and township.fullTimeMembers >= minimumMembers",
        "    and township.drillHeldOn is set",
      ),
    );
  });
});

describe("the author's layout and spelling", () => {
  test("blank lines between declarations are kept up to one and never added", () => {
    const head = ['policy "p"', 'import "a.remit" as a'];
    const params = ["param x: integer = 1", 'param y: text = "a"  # y', "type T = integer"];
    const rules = [
      'duty d "t"',
      "  must",
      "  cites 1",
      "  requires x",
      'duty e "u"',
      "  must",
      "  cites 2",
      "  requires y",
    ];
    const input = lines(...head, "", "", "", ...params, "", "# the rules", "", ...rules);
    // The blank line after the comment goes before it: a comment leads the declaration below it.
    const expected = lines(...head, "", ...params, "", "# the rules", ...rules);
    expect(fmt(input)).toBe(expected);
    expect(fmt(expected)).toBe(expected);
    expect(fmt(input.replace(/\n/g, "\r\n"))).toBe(expected);
  });

  test("declarations written on one line are separated as in a file written from scratch", () => {
    expect(fmt('import "a.remit" as a import "b.remit" as b param x: integer = 1 param y: integer = 2')).toBe(
      lines(
        'import "a.remit" as a',
        'import "b.remit" as b',
        "",
        "param x: integer = 1",
        "",
        "param y: integer = 2",
      ),
    );
  });

  test("comparison signs keep their spelling: mathematical or ASCII, mixed as written", () => {
    const input = "define a = x≥1 and y ≤ 2 and z≠3 and x>=1 and y<=2 and z!=3 and w > 0 and w = 1\n";
    expect(fmt(input)).toBe(
      lines("define a = x ≥ 1 and y ≤ 2 and z ≠ 3 and x >= 1 and y <= 2 and z != 3 and w > 0 and w = 1"),
    );
    expect(fmt("define a = x ≥ # at least\n  1\n")).toBe(lines("define a = x ≥ 1  # at least"));
    expect(fmt("define a = x ≥ 1\n", "en")).toBe(lines("define a = x ≥ 1"));
  });
});

describe("long lines", () => {
  test("a long definition moves its body below its head; a long conditional takes a line a branch", () => {
    const input = `define minMembers(teamClass: TeamClass): integer [人] = if teamClass = "一级" then minMembersFirstClass else if teamClass = "二级" then minMembersSecondClass else minMembersPartTime
      define townshipSystemComplete(t: townships): bool = t.leadershipMechanismOn is set and t.fireAgencyNamed and hasTeam(t) and stationEstablishedOn(t) is set and villagesOrganised(t)
      duty d "t" must cites 1 requires if count(m in county.analysisMeetings where m in period) >= analysisMeetingsPerQuarter then latest(m in county.analysisMeetings where m in period) else none`;
    expect(fmt(input)).toBe(
      lines(
        "define minMembers(teamClass: TeamClass): integer [人] =",
        '  if teamClass = "一级" then minMembersFirstClass',
        '  else if teamClass = "二级" then minMembersSecondClass',
        "  else minMembersPartTime",
        "define townshipSystemComplete(t: townships): bool =",
        "  t.leadershipMechanismOn is set",
        "    and t.fireAgencyNamed",
        "    and hasTeam(t)",
        "    and stationEstablishedOn(t) is set",
        "    and villagesOrganised(t)",
        'duty d "t"',
        "  must",
        "  cites 1",
        "  requires",
        "    if count(m in county.analysisMeetings where m in period) >= analysisMeetingsPerQuarter",
        "    then latest(m in county.analysisMeetings where m in period)",
        "    else none",
      ),
    );
  });

  test("width is counted in display columns: combining marks none, emoji two", () => {
    // 11 columns of `define a = `, two quotes, then the string's own columns against 100.
    const accents = `define a = "${"e\u0301".repeat(87)}"`;
    expect(fmt(accents)).toBe(lines(accents));
    const emoji = "👍".repeat(44);
    expect(fmt(`define a = "${emoji}"`)).toBe(lines("define a =", `  "${emoji}"`));
  });

  test("Chinese characters count two columns", () => {
    const short = `define a = ${"乡".repeat(40)}`;
    expect(fmt(short)).toBe(lines(short));
    expect(fmt(`define a = ${"乡".repeat(50)}`)).toBe(lines("define a =", `  ${"乡".repeat(50)}`));
  });
});

describe("keyword language", () => {
  const english = lines(
    'duty d "标题"',
    "  must",
    "  cites 1",
    '  for each h in hazards where h.level = "重大" and not h.closed',
    "  requires h.listedOn is set",
    "  within 7 days of h.foundOn",
  );
  const chinese = lines(
    '职责 d "标题"',
    "  必须",
    "  依据 1",
    '  对于 每个 h 属于 hazards 满足 h.level = "重大" 且 非 h.closed',
    "  要求 h.listedOn 有值",
    "  以内 7 天 自 h.foundOn",
  );

  test("en and zh translate every keyword", () => {
    expect(fmt(english, "zh")).toBe(chinese);
    expect(fmt(chinese, "en")).toBe(english);
  });

  test("preserve keeps each keyword's spelling, even when a file mixes them", () => {
    const mixed = lines(
      '职责 d "标题"',
      "  must",
      "  依据 1",
      "  requires h.listedOn 有值",
      "  within 7 日 of h.foundOn",
    );
    expect(fmt(mixed)).toBe(mixed);
    expect(fmt(mixed, "preserve")).toBe(mixed);
  });
});

describe("comments", () => {
  test("leading, trailing, between rule clauses and at the end of the file", () => {
    const input = lines(
      "# the plan",
      'policy "p"   # its name',
      '  version "1"',
      "",
      "",
      "# a duty",
      "# on two lines",
      'duty d "t"  # the head',
      "  must",
      "    # between clauses",
      "  cites 1",
      "  requires x   # the requirement",
      "# the end",
    );
    expect(fmt(input)).toBe(
      lines(
        "# the plan",
        'policy "p"  # its name',
        '  version "1"',
        "",
        "# a duty",
        "# on two lines",
        'duty d "t"  # the head',
        "  must",
        "  # between clauses",
        "  cites 1",
        "  requires x  # the requirement",
        "",
        "# the end",
      ),
    );
  });

  test("comments on fields and inside a broken expression", () => {
    const input = lines(
      "collection c {",
      "  # the level",
      "  level: text  # 一般 or 重大",
      "  n: integer",
      "}",
      "define ok =",
      "  a   # first",
      "  or b",
    );
    expect(fmt(input)).toBe(
      lines(
        "collection c {",
        "  # the level",
        "  level: text  # 一般 or 重大",
        "  n: integer",
        "}",
        "define ok = a or b  # first",
      ),
    );
  });
});

describe("refusal and idempotence", () => {
  test("a text with syntax errors comes back unchanged with its diagnostics", () => {
    const input = "duty d must cites\n";
    const result = format(input, "broken.remit");
    expect(result.text).toBe(input);
    expect(result.changed).toBe(false);
    expect(result.diagnostics.some((d) => d.severity === "error")).toBe(true);
  });

  test("an empty file stays empty and a file of comments keeps them", () => {
    expect(fmt("")).toBe("");
    expect(fmt("\n\n   \n")).toBe("");
    expect(fmt("#   a note   \n\n\n# another")).toBe(lines("#   a note", "# another"));
  });

  test("formatted text is a fixed point and reports no change", () => {
    const once = fmt(`duty d "t" must cites 1 requires x or y`);
    const twice = format(once, "test.remit");
    expect(twice.text).toBe(once);
    expect(twice.changed).toBe(false);
  });
});
