/** Policies the parser tests read: one in Chinese keywords, one in English, covering every form. */

export const chinesePolicy = `# 全部用中文关键字写的政策
政策 "资源县加强基层消防力量建设实施方案"
  版本 "1.0.0"
  文号 "资政办函〔2026〕2号"
  生效 2026-02-13
  预警 30 天

导入 "../standards/gbt-35547-2017.remit" 作为 国标

条款 2.1.3 "建立常态化基层火灾防控机制" 原文 "重大火灾隐患限期整改销案"

参数 挂牌期限: 时长 = 7 天 "重大隐患挂牌督办期限"
类型 队伍类型 = 枚举("专职", "兼职", "无")

集合 乡镇 "乡镇" {
  名称: 文本
  队伍: 队伍类型
  队员数: 整数 [人]
  建站日: 可选 日期
  村: 列表 记录 { 防火公约日: 可选 日期 }
}

集合 隐患 "火灾隐患" 始于 发现日 {
  级别名: 文本
  发现日: 日期
  整改期限: 可选 计划 日期
  挂牌日: 可选 日期
  乡镇编号 -> 乡镇 作为 所属乡镇
}

记录 县 "县" { 人口: 整数 }

定义 有队伍(t: 乡镇): 布尔 = t.队伍 != "无" 且 t.队员数 > 0

职责 重大隐患-挂牌 "重大火灾隐患挂牌督办"
  必须
  依据 2.1.3
  对于 每个 h 属于 隐患 满足 h.级别名 = "重大"
  令 t = h.所属乡镇
  责任主体 "资源县人民政府"
  要求 h.挂牌日
  以内 挂牌期限 自 h.发现日

职责 analysis "定期分析研判"
  宜
  依据 2.1.3, 1
  对于 县
  要求 计数(m 属于 [1, 2] 满足 m > 0) >= 1
  每季度 从 2026-02-13 直到 2026-12-31

升级 ladder "一般隐患逐级处置"
  可以
  依据 2.3.3
  对于 每个 h 属于 隐患
  起算 h.发现日
  级别 网格 "网格"
  级别 乡镇级 "乡镇" 超过 15 天 责任主体 "乡镇政府"
  级别 县级 "县" 当 h.挂牌日 缺失
  办结 h.挂牌日 有值
  逾期 超过 h.整改期限

问责 accountability-check "责任倒查"
  必须
  依据 3.3
  对于 每个 f 属于 隐患 满足 非 有队伍(f.所属乡镇) 或 f.级别名 属于 ["重大", "较大"]
  截至 f.发现日
  原因 "基层消防组织不健全" 当 如果 真 则 假 否则 空 缺失
  问责对象 "乡镇政府", 国标.主管(f.所属乡镇)
`;

export const englishPolicy = `policy "Ziyuan fire safety"
  version "1.0.0"
  source "ZF-2026-2"
  effective 2026-02-13
  warning 2 weeks

import "../standards/gbt.remit" as gbt

clause 3.3 "accountability" text "trace responsibility back"
param gridDays: duration = 15 days "general hazards inside the grid"
param minMembers: integer [people] = 10
type TeamKind = enum("full", "part", "none")

collection townships "townships" {
  name: text
  team: TeamKind
  members: integer [people]
  area: decimal [km2]
  stationOn: optional date
  level: text
  date: date
  villages: list record { pactOn: optional date }
  counterpart -> optional gbt.units as unit
}

collection hazards since foundOn {
  foundOn: date
  rectifyBy: optional planned date
  townshipId -> townships as township
}

record county "county" { budget: decimal }

define hasTeam(t: townships): bool = t.team != "none" and t.members >= minMembers
define target = 2026-12-31
define noParams() = text(year(target))

duty team-ready "teams ready"
  must
  cites 1, 2.2.1
  for each t in townships where hasTeam(t)
  holder "township government"
  requires t.stationOn
  by target

duty reports "quarterly reports"
  should
  cites 2.1.2
  for county
  requires all(v in [1, 2] : v > 0)
  every quarter from 2026-02-13 until target

escalation ladder "hazard ladder"
  may
  cites 2.3.3
  for each h in hazards
  let t = h.township
  holder "grid worker"
  starts h.foundOn
  level grid "grid"
  level township "township" after gridDays holder gbt.office(t)
  level county when count(x in t.villages where x.pactOn is missing) > 2
  closes h.rectifyBy is set
  overdue after h.rectifyBy

accountability fire-accountability "accountability for fires"
  must
  cites 3.3
  for each f in hazards where not (f.foundOn < target) or -1 * 2 + 3 / 4 <= 5
  as at f.foundOn
  cause "no team" when not hasTeam(f.township)
  cause "dates" when if f.foundOn in period then true else false
  targets "government", f.township.name
`;
