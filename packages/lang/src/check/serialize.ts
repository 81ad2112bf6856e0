/**
 * A checked model as text and back: a policy checked ahead of time (on a build machine, with
 * `serializePolicy`) is evaluated where the parser and checker are not loaded (a browser). The
 * syntax tree keeps its identity (the side tables are keyed by its nodes), so the text is a
 * graph, written with `devalue` (repeated and cyclic references, maps, `undefined`).
 */
import { parse as parseGraph, stringify as stringifyGraph } from "devalue";
import type { HostFunction } from "../builtins/functions.js";
import type { Bilingual } from "../builtins/index.js";
import { assembleChecked, type CheckedContent, type SideTables, sideTablesOf } from "./assemble.js";
import type { CheckedPolicy } from "./model.js";

/**
 * The format written by {@link serializeChecked}; bumped whenever the checked model changes shape.
 * @example
 * ```ts
 * import { analyze, checkedFormatVersion, deserializeChecked, memoryHost, serializeChecked } from "@remit/lang";
 * const { policy } = analyze("p.remit", memoryHost({ "p.remit": 'policy "P"\n' }));
 * if (policy === undefined) throw new Error("the policy does not check");
 * // The text is a devalue graph: the envelope first, its version one of the values it points to.
 * const graph = JSON.parse(serializeChecked(policy)) as unknown[];
 * const envelope = graph[0] as { readonly version: number };
 * console.log(graph[envelope.version] === checkedFormatVersion); // true
 * graph[envelope.version] = checkedFormatVersion + 1;
 * const read = deserializeChecked(JSON.stringify(graph));
 * console.log("errors" in read && read.errors[0]?.code); // unsupported-checked-policy
 * ```
 */
export const checkedFormatVersion = 1;
const formatName = "remit-checked-policy";

interface Envelope {
  readonly format: typeof formatName;
  readonly version: number;
  readonly content: CheckedContent;
  readonly tables: SideTables;
}

/** Why a serialized policy was not read. */
export interface DeserializeError {
  readonly code: "malformed-checked-policy" | "unsupported-checked-policy" | "missing-host-function";
  readonly message: Bilingual;
}

/** A host function is written by name; the reader supplies the implementation again. */
const hostFunctionTag = "HostFunction";

function isHostFunction(value: unknown): value is HostFunction {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { readonly implementation?: unknown }).implementation === "function"
  );
}

/**
 * Writes a checked model as JSON text for {@link deserializeChecked}. Host functions are written
 * by name only: their implementations are code, which the reading host passes again.
 * @throws Error for a model not built by the checker (a hand-made object has no side tables).
 * @example
 * ```ts
 * import { analyze, deserializeChecked, memoryHost, serializeChecked } from "@remit/lang";
 * const { policy } = analyze("p.remit", memoryHost({ "p.remit": 'policy "P"\n' }));
 * const text = serializeChecked(policy!);
 * const read = deserializeChecked(text);
 * console.log("policy" in read && read.policy.info.name); // P
 * ```
 */
export function serializeChecked(policy: CheckedPolicy): string {
  const tables = sideTablesOf(policy);
  if (tables === undefined) throw new Error("only a model built by the checker can be serialized");
  const { typeOf: _typeOf, resolve: _resolve, slotOf: _slotOf, ...content } = policy;
  const envelope: Envelope = { format: formatName, version: checkedFormatVersion, content, tables };
  return stringifyGraph(envelope, {
    [hostFunctionTag]: (value: unknown) => (isHostFunction(value) ? value.name : undefined),
  });
}

/** Options for {@link deserializeChecked}. */
export interface DeserializeOptions {
  /** The host functions the policy was checked with, matched by name. */
  readonly functions?: readonly HostFunction[];
}

/**
 * Reads text written by {@link serializeChecked} back into a checked model, ready for the engine.
 * Errors are values: text that is not such a policy, another format version, or a host function
 * the policy calls that `options.functions` lacks.
 * @example
 * ```ts
 * import { deserializeChecked } from "@remit/lang";
 * const read = deserializeChecked("{}");
 * console.log("errors" in read && read.errors[0]?.code); // malformed-checked-policy
 * ```
 */
export function deserializeChecked(
  text: string,
  options: DeserializeOptions = {},
): { readonly policy: CheckedPolicy } | { readonly errors: readonly DeserializeError[] } {
  const functions = new Map((options.functions ?? []).map((f) => [f.name, f]));
  const missing = new Set<string>();
  let envelope: unknown;
  try {
    envelope = parseGraph(text, {
      [hostFunctionTag]: (name: string) => {
        const found = functions.get(name);
        if (found === undefined) missing.add(name);
        return found ?? { name, implementation: () => undefined };
      },
    });
  } catch {
    envelope = undefined;
  }
  if (!isEnvelope(envelope))
    return {
      errors: [
        {
          code: "malformed-checked-policy",
          message: {
            en: "not a checked policy written by serializeChecked (serializePolicy)",
            zh: "不是由 serializeChecked（serializePolicy）写出的已检查政策",
          },
        },
      ],
    };
  if (envelope.version !== checkedFormatVersion)
    return {
      errors: [
        {
          code: "unsupported-checked-policy",
          message: {
            en: `the checked policy is in format version ${envelope.version}; this version of Remit reads version ${checkedFormatVersion}: compile the policy again`,
            zh: `已检查政策的格式版本为 ${envelope.version}，本版本 Remit 读取版本 ${checkedFormatVersion}：请重新编译政策`,
          },
        },
      ],
    };
  if (missing.size > 0)
    return {
      errors: [...missing].map((name) => ({
        code: "missing-host-function" as const,
        message: {
          en: `the policy calls the host function "${name}", which options.functions does not provide`,
          zh: `政策调用了宿主函数“${name}”，但 options.functions 未提供`,
        },
      })),
    };
  return { policy: assembleChecked(envelope.content, envelope.tables) };
}

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<Record<keyof Envelope, unknown>>;
  return (
    candidate.format === formatName &&
    typeof candidate.version === "number" &&
    typeof candidate.content === "object" &&
    candidate.content !== null &&
    typeof candidate.tables === "object" &&
    candidate.tables !== null
  );
}
