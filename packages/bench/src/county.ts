/**
 * A synthetic county in the Ziyuan shape (docs: /shared/domain/county-facts.md): townships,
 * villages, departments, venues, hazards and incidents. `scale` 1 is a county of 7 townships,
 * 2,000 venues and 6,000 hazards; scale 100 gives 700 townships, 200,000 venues, 600,000 hazards.
 */
import { Random } from "./random.js";

const epoch2026 = Date.UTC(2026, 0, 1);
const isoDay = (n: number): string => new Date(epoch2026 + n * 86_400_000).toISOString().slice(0, 10);

const sectors = ["教育", "民政", "科工商贸", "住建", "文旅", "卫生健康", "其他"] as const;
const categories = [
  "人员密集场所",
  "劳动密集型企业",
  "校外培训机构",
  "旅游民宿",
  "农家乐",
  "沿街商铺",
  "出租房屋",
  "易燃易爆危险品场所",
  "九小场所",
  "其他",
] as const;

export interface CountySize {
  readonly townships: number;
  readonly villages: number;
  readonly venues: number;
  readonly hazards: number;
  readonly incidents: number;
}

export function countySize(scale: number): CountySize {
  return {
    townships: Math.max(1, Math.round(7 * scale)),
    villages: Math.max(1, Math.round(105 * scale)),
    venues: Math.max(1, Math.round(2000 * scale)),
    hazards: Math.max(1, Math.round(6000 * scale)),
    incidents: Math.max(1, Math.round(20 * scale)),
  };
}

const maybeDay = (r: Random, p: number, from: number, to: number): string | null =>
  r.chance(p) ? isoDay(r.int(from, to)) : null;

/** The facts document, as plain JSON-ready objects. Evaluation date: 2026-11-28 (day 331). */
export function generateCounty(seed: number, scale: number): Record<string, unknown> {
  const r = new Random(seed);
  const size = countySize(scale);
  const asOfDay = 331;
  const townships = Array.from({ length: size.townships }, (_, i) => {
    const teamKind = r.pick(["专职", "专职", "兼职", "无"] as const);
    return {
      id: `T${String(i + 1).padStart(4, "0")}`,
      name: `第${i + 1}乡镇`,
      kind: r.pick(["镇", "乡"] as const),
      builtUpAreaKm2: Math.round(r.next() * 80) / 10,
      residentPopulation: r.int(5000, 60000),
      keyTown: r.chance(0.2),
      leadershipMechanismOn: maybeDay(r, 0.8, 40, 330),
      fireAgencyNamed: r.chance(0.85),
      team: {
        kind: teamKind,
        members: teamKind === "无" ? 0 : r.int(4, 20),
        engines: teamKind === "无" ? 0 : r.int(0, 3),
        unifiedDispatch: r.chance(0.8),
        establishedOn: teamKind === "无" ? null : maybeDay(r, 0.9, 40, 360),
      },
      station: {
        kind: r.pick(["消防工作站", "依托机构", "无"] as const),
        establishedOn: maybeDay(r, 0.7, 40, 360),
      },
      enforcementDelegated: r.chance(0.3),
      gridDutiesDefined: r.chance(0.8),
      analysisMeetings: Array.from({ length: r.int(0, 5) }, () => isoDay(r.int(43, 340))).sort(),
    };
  });
  const villages = Array.from({ length: size.villages }, (_, i) => ({
    id: `V${String(i + 1).padStart(6, "0")}`,
    townshipId: townships[i % townships.length]!.id,
    name: i % 10 === 9 ? `第${i + 1}社区` : `第${i + 1}村`,
    kind: i % 10 === 9 ? "社区" : "村",
    firePactOn: maybeDay(r, 0.7, 40, 340),
    safetyManager: r.chance(0.8),
    volunteerTeam: r.chance(0.3),
  }));
  const departments = sectors.flatMap((sector, i) => [
    {
      id: `D${i + 1}`,
      name: `县${sector}主管部门`,
      sector,
      fireUnitDesignated: r.chance(0.8),
      inspections: Array.from({ length: r.int(0, 8) }, () => ({
        date: isoDay(r.int(43, 340)),
        kind: r.pick(["专项检查", "联合执法", "双随机抽查"] as const),
      })).sort((a, b) => (a.date < b.date ? -1 : 1)),
    },
  ]);
  const venues = Array.from({ length: size.venues }, (_, i) => {
    const village = villages[r.int(0, villages.length - 1)]!;
    const category = r.pick(categories);
    return {
      id: `P${String(i + 1).padStart(7, "0")}`,
      townshipId: village.townshipId,
      villageId: r.chance(0.9) ? village.id : null,
      gridId: `G${r.int(1, 9999)}`,
      name: `场所${i + 1}`,
      category,
      sector: r.pick(sectors),
      crowded: category === "人员密集场所" || r.chance(0.2),
      publicGathering: category === "旅游民宿" || category === "农家乐",
      flammable: category === "易燃易爆危险品场所" || r.chance(0.05),
      keyUnit: r.chance(0.3),
      liabilityInsurance: r.chance(0.4),
      commitmentFiled: r.chance(0.4),
    };
  });
  const hazards = Array.from({ length: size.hazards }, (_, i) => {
    const found = r.int(40, asOfDay + 20);
    const major = r.chance(0.05);
    const rectifyBy = r.chance(0.7) ? isoDay(found + r.int(5, 60)) : null;
    const rectified = r.chance(0.5) ? found + r.int(0, 45) : null;
    return {
      id: `H${String(i + 1).padStart(7, "0")}`,
      venueId: venues[r.int(0, venues.length - 1)]!.id,
      level: major ? "重大" : "一般",
      foundOn: isoDay(found),
      rectifyBy,
      rectifiedOn: rectified === null ? null : isoDay(rectified),
      // The government closes a major hazard's case a few days after the rectification, mostly.
      closedOn:
        major && rectified !== null && rectified % 4 !== 0 ? isoDay(rectified + (rectified % 9)) : null,
      listedOn: major && r.chance(0.7) ? isoDay(found + r.int(0, 14)) : null,
    };
  });
  const incidents = Array.from({ length: size.incidents }, (_, i) => ({
    id: `F${String(i + 1).padStart(6, "0")}`,
    townshipId: townships[r.int(0, townships.length - 1)]!.id,
    date: isoDay(r.int(0, asOfDay)),
    deaths: r.chance(0.2) ? r.int(1, 3) : 0,
    injuries: r.int(0, 4),
    socialImpact: r.chance(0.1) ? "较大" : "一般",
  }));
  return {
    asOf: isoDay(asOfDay),
    county: {
      id: "ZY",
      name: "合成县",
      dutyListsPublishedOn: "2026-04-15",
      analysisMeetings: ["2026-03-20", "2026-05-18", "2026-09-25"],
      enforcementTrainings: ["2026-05-20"],
      budget: [
        {
          year: 2026,
          adoptedOn: "2025-12-26",
          teamPersonnel: true,
          stationOperating: r.chance(0.5),
          projects: r.chance(0.5),
        },
      ],
      educationBase: false,
    },
    townships,
    villages,
    departments,
    venues,
    hazards,
    incidents,
  };
}
