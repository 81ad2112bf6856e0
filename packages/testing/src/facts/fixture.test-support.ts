/** A small policy with every kind of field: nested records, lists of records, references in both. */
import { compile, type Policy } from "@remit/engine";

export const fixtureSource = `policy "fixture"
  effective 2026-02-13
  warning 30 days

clause 1 "general"

param threshold: integer = 12 "a threshold"
param window: duration = 10 days "a window"

type Kind = enum("a", "b")

record office {
  headId -> people as head
  window: duration
  share: decimal
  budget: list record {
    year: integer
    ownerId -> people as owner
  }
}

collection people since joinedOn {
  joinedOn: date
  kind: Kind
  bossId -> optional people as boss
  teamId -> teams as team
  leftOn: optional date
}

collection teams {
  leaderId -> optional people as leader
  size: integer
  reviewBy: optional planned date
  tags: list text
  stats: record {
    members: list record {
      personId -> people as person
    }
    formedOn: list optional date
  }
}

collection notes {
  text: text
}

duty head-joined "head joined"
  must
  cites 1
  for office
  holder "office"
  requires office.head.joinedOn
  by 2026-12-31

duty team-size "team big enough"
  must
  cites 1
  for each t in teams
  holder "team"
  requires t.size >= threshold
  within window of 2026-06-30
`;

export function fixturePolicy(): Policy {
  const out = compile(fixtureSource);
  if (!("policy" in out)) throw new Error(out.diagnostics.map((d) => d.message.en).join("; "));
  return out.policy;
}
