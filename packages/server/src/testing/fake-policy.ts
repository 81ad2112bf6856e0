/**
 * A stand-in policy with the engine's surface, for exercising the HTTP layer on its own: one duty
 * ("list each hazard within `listingDays` of finding it") over a `hazards` collection.
 */
import type { EvaluateOutcome, EvaluationResult, FactError, Finding, JsonValue } from "@remit/engine";
import type { EnginePolicy, EvaluateOptions } from "../policies.js";

const dayMs = 86_400_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

function factError(path: string, expected: string): FactError {
  return { path, code: "F1001", message: { en: `expected ${expected}`, zh: `应为${expected}` } };
}

export function fakePolicy(name = "hazards", hash = `sha256:${name}`): EnginePolicy {
  return {
    info: { name, version: "1.0.0", hash },
    clauses: [{ id: "2.1.3", title: "挂牌督办", text: "重大火灾隐患挂牌督办" }],
    rules: [{ id: "hazard-listing", title: "隐患挂牌", kind: "duty", modality: "must", cites: ["2.1.3"] }],
    params: [
      {
        key: "listingDays",
        defaultValue: 15,
        description: "days to list a hazard",
        type: { kind: "number", integer: true, unit: "days" },
      },
    ],
    evaluate(facts: unknown, options: EvaluateOptions): EvaluateOutcome {
      const errors: FactError[] = [];
      const asOf = options.asOf;
      if (asOf === undefined) return { errors: [factError("asOf", "an evaluation date")] };
      const listingDays = options.params.listingDays ?? 15;
      if (typeof listingDays !== "number") errors.push(factError("params.listingDays", "a number"));
      const hazards = (facts as { hazards?: unknown }).hazards;
      if (!Array.isArray(hazards)) {
        errors.push(factError("hazards", "a list"));
        return { errors };
      }
      const findings: Finding[] = [];
      hazards.forEach((h: unknown, i) => {
        const hazard = h as { id?: unknown; foundOn?: unknown; listedOn?: unknown };
        if (typeof hazard.id !== "string") errors.push(factError(`hazards[${i}].id`, "text"));
        if (typeof hazard.foundOn !== "string") errors.push(factError(`hazards[${i}].foundOn`, "a date"));
        if (errors.length > 0) return;
        const due = addDays(hazard.foundOn as string, listingDays as number);
        const listedOn =
          typeof hazard.listedOn === "string" && hazard.listedOn <= asOf ? hazard.listedOn : undefined;
        const status = listedOn !== undefined ? "met" : asOf > due ? "overdue" : "pending";
        findings.push({
          rule: "hazard-listing",
          title: "隐患挂牌",
          kind: "duty",
          modality: "must",
          status,
          subject: { collection: "hazards", id: hazard.id as string },
          due,
          ...(listedOn === undefined ? {} : { metOn: listedOn }),
          cites: ["2.1.3"],
          explanation: {
            holds: listedOn !== undefined,
            because: [{ test: "h.listedOn is set", value: listedOn ?? null }],
          },
        });
      });
      if (errors.length > 0) return { errors };
      const counts: Record<string, number> = {};
      for (const f of findings) counts[f.status] = (counts[f.status] ?? 0) + 1;
      const result: EvaluationResult = {
        policy: { name, version: "1.0.0", hash },
        asOf: asOf,
        params: { listingDays: listingDays as JsonValue },
        findings,
        summary: { total: findings.length, byKind: { duty: counts }, byTownship: { "": counts } },
      };
      return { result };
    },
  };
}

/** A policy whose evaluations wait until the test lets them finish. */
export function heldPolicy(name = "held"): {
  policy: EnginePolicy;
  started: Promise<void>;
  release: () => void;
} {
  const base = fakePolicy(name);
  let markStarted = () => {};
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    started,
    release,
    policy: {
      ...base,
      async evaluate(facts, options) {
        markStarted();
        await released;
        return base.evaluate(facts, options);
      },
    },
  };
}
