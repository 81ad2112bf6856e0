/** A small county policy in the Ziyuan shape and facts for it, shared by the engine's tests. */

export const countyPolicy = `
policy "test county"
  version "1.0.0"
  warning 30 days
  group by townships

clause 1 "target"
clause 2.1.3 "hazards"
clause 2.3.3 "ladder"
clause 3.3 "accountability"

param listing: duration = 7 days "listing time limit"
param gridDays: duration = 15 days
param townshipDays: duration = 30 days
param targetDate: date = 2026-12-31
param meetingsPerQuarter: integer = 1

record county "county" {
  id: text
  name: text
  analysisMeetings: list date
}

collection townships "townships" {
  name: text
  team: record {
    kind: enum("专职", "兼职", "无")
    members: integer
    establishedOn: optional date
  }
  leadershipOn: optional date
  analysisMeetings: list date
}

collection villages {
  townshipId -> townships as township
  name: text
  firePactOn: optional date
}

collection venues {
  townshipId -> townships as township
  villageId -> optional villages as village
  name: text
}

collection hazards since foundOn {
  venueId -> venues as venue
  level: enum("一般", "重大")
  foundOn: date
  rectifyBy: optional planned date
  rectifiedOn: optional date
  listedOn: optional date
}

collection incidents optional since date {
  townshipId -> townships as township
  date: date
  deaths: integer
}

define government(t: townships): text = t.name + " government"
define hasTeam(t: townships): bool = t.team.kind != "无" and t.team.establishedOn is set

duty township-leadership "leadership mechanism"
  must
  cites 1
  for each t in townships
  holder government(t)
  requires t.leadershipOn
  by targetDate

duty township-organised "villages organised"
  should
  cites 1
  for each t in townships
  holder government(t)
  requires hasTeam(t) and all(v in t.villages : v.firePactOn is set)
  by targetDate

duty township-analysis "quarterly analysis"
  must
  cites 2.1.3
  for each t in townships
  holder government(t)
  requires
    if count(m in t.analysisMeetings where m in period) >= meetingsPerQuarter
    then latest(m in t.analysisMeetings where m in period)
    else none
  every quarter from 2026-02-13

duty county-analysis "county analysis"
  must
  cites 2.1.3
  for county
  holder "county government"
  requires latest(m in county.analysisMeetings where m in period)
  every month from 2026-09-01

duty major-hazard-listing "major hazard listing"
  must
  cites 2.1.3
  for each h in hazards where h.level = "重大"
  holder "county government"
  requires h.listedOn
  within listing of h.foundOn

duty village-pact "village pact"
  may
  cites 1
  for each v in villages
  holder v.name
  requires v.firePactOn
  by targetDate

escalation general-hazard-ladder "general hazard ladder"
  must
  cites 2.3.3
  for each h in hazards where h.level = "一般"
  holder "grid " + h.venue.name
  starts h.foundOn
  level grid "grid"
  level township "township" after gridDays holder government(h.venue.township)
  level county "county" after townshipDays holder "county government"
  closes h.rectifiedOn
  overdue after h.rectifyBy

accountability fire-accountability "fatal fire"
  must
  cites 3.3
  for each f in incidents where f.deaths > 0
  let t = f.township
  as at f.date
  cause "no team" when not hasTeam(t)
  cause "no leadership" when t.leadershipOn is missing
  targets government(t)
`;

export interface CountyFacts {
  asOf?: string;
  county: { id: string; name: string; analysisMeetings: string[] };
  townships: {
    id: string;
    name: string;
    team: { kind: string; members: number; establishedOn: string | null };
    leadershipOn: string | null;
    analysisMeetings: string[];
  }[];
  villages: { id: string; townshipId: string; name: string; firePactOn: string | null }[];
  venues: { id: string; townshipId: string; villageId: string | null; name: string }[];
  hazards: {
    id: string;
    venueId: string;
    level: string;
    foundOn: string;
    rectifyBy: string | null;
    rectifiedOn: string | null;
    listedOn: string | null;
  }[];
  incidents: { id: string; townshipId: string; date: string; deaths: number }[];
}

export function countyFacts(): CountyFacts {
  return {
    asOf: "2026-11-28",
    county: { id: "ZY", name: "资源县", analysisMeetings: ["2026-09-20", "2026-11-02"] },
    townships: [
      {
        id: "T01",
        name: "资源镇",
        team: { kind: "专职", members: 12, establishedOn: "2026-05-20" },
        leadershipOn: "2026-03-01",
        analysisMeetings: ["2026-04-02", "2026-07-09"],
      },
      {
        id: "T02",
        name: "梅溪镇",
        team: { kind: "兼职", members: 8, establishedOn: "2026-10-01" },
        leadershipOn: null,
        analysisMeetings: ["2026-03-10"],
      },
      {
        id: "T03",
        name: "车田苗族乡",
        team: { kind: "无", members: 0, establishedOn: null },
        leadershipOn: null,
        analysisMeetings: [],
      },
    ],
    villages: [
      { id: "V001", townshipId: "T01", name: "一村", firePactOn: "2026-04-30" },
      { id: "V002", townshipId: "T02", name: "二村", firePactOn: null },
    ],
    venues: [
      { id: "P0001", townshipId: "T01", villageId: "V001", name: "民宿" },
      { id: "P0002", townshipId: "T02", villageId: null, name: "商铺" },
    ],
    hazards: [
      {
        id: "H0303",
        venueId: "P0001",
        level: "重大",
        foundOn: "2026-10-01",
        rectifyBy: "2026-12-01",
        rectifiedOn: null,
        listedOn: "2026-10-20",
      },
      {
        id: "H0501",
        venueId: "P0002",
        level: "一般",
        foundOn: "2026-11-20",
        rectifyBy: "2026-11-25",
        rectifiedOn: null,
        listedOn: null,
      },
      {
        id: "H0502",
        venueId: "P0002",
        level: "一般",
        foundOn: "2026-10-01",
        rectifyBy: null,
        rectifiedOn: "2026-10-10",
        listedOn: null,
      },
      {
        id: "H0600",
        venueId: "P0001",
        level: "一般",
        foundOn: "2026-12-05",
        rectifyBy: null,
        rectifiedOn: null,
        listedOn: null,
      },
    ],
    incidents: [
      { id: "F0201", townshipId: "T02", date: "2026-09-20", deaths: 1 },
      { id: "F0202", townshipId: "T01", date: "2026-09-12", deaths: 0 },
    ],
  };
}
