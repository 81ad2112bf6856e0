/** Findings for the store's tests: hand-made ones, and the Ziyuan example county evaluated. */
import { readdirSync, readFileSync } from "node:fs";
import {
  compile,
  type EvaluationResult,
  type Finding,
  type Policy,
  type PolicyLabels,
  policyLabels,
} from "@remit/engine";
import type { EvaluationToRecord } from "../records.js";

const root = new URL("../../../../", import.meta.url);

let ziyuan: { policy: Policy; facts: unknown } | undefined;

/** The Ziyuan County policy on the example county's facts, evaluated on `asOf`. */
export function evaluateZiyuan(asOf: string): EvaluationResult {
  const { policy, facts } = compiledZiyuan();
  const outcome = policy.evaluate(facts, { asOf });
  if ("errors" in outcome) throw new Error("the example county's facts are rejected");
  return outcome.result;
}

/** The Ziyuan County policy's labels, as a record keeps them. */
export function ziyuanLabels(): PolicyLabels {
  return policyLabels(compiledZiyuan().policy.checked);
}

function compiledZiyuan(): { policy: Policy; facts: unknown } {
  if (!ziyuan) {
    // Every policy file, by its path under policies/ (the Ziyuan plan imports the standards).
    const policies = new URL("policies/", root);
    const files: Record<string, string> = {};
    for (const path of readdirSync(policies, { recursive: true, encoding: "utf8" })) {
      if (/\.remit(\.md)?$/.test(path)) files[path] = readFileSync(new URL(path, policies), "utf8");
    }
    const compiled = compile({ files, entry: "ziyuan-2026/policy.remit.md" });
    if (!("policy" in compiled)) {
      throw new Error(
        `the Ziyuan policy does not compile: ${compiled.diagnostics.map((d) => d.message.en).join("; ")}`,
      );
    }
    const facts: unknown = JSON.parse(
      readFileSync(new URL("examples/ziyuan-county/facts.json", root), "utf8"),
    );
    ziyuan = { policy: compiled.policy, facts };
  }
  return ziyuan;
}

/** An evaluation result as the service would record it. */
export function toRecord(
  result: Pick<EvaluationResult, "policy" | "asOf" | "params" | "findings">,
  requestId: string,
  recordedAt: string | undefined,
): EvaluationToRecord {
  return {
    ...result,
    policy: { ...result.policy, sources: [{ path: "policy.remit.md", hash: result.policy.hash }] },
    requestId,
    factsHash: "facts-sha256",
    ...(recordedAt === undefined ? {} : { recordedAt }),
  };
}

/** A finding with the fields the store reads; the rest plain. */
export function finding(
  fields: Pick<Finding, "rule" | "kind" | "status"> & Partial<Finding> & { readonly id?: string },
): Finding {
  const { id, ...rest } = fields;
  return {
    title: fields.rule,
    modality: "must",
    subject: { collection: "hazards", id: id ?? "H1" },
    cites: [],
    explanation: { holds: fields.status !== "overdue", because: [] },
    ...rest,
  };
}
