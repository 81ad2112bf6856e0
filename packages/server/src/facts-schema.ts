/**
 * Each policy's facts document as JSON Schema, from the engine's zod schema (zod 4's
 * `toJSONSchema`, which takes `zod` and `zod/mini` schemas alike): what `remit schema POLICY`
 * prints and what the OpenAPI document gives each policy's evaluate route.
 */
import type { FactsSchema } from "@remit/engine";
import { toJSONSchema } from "zod";

export type JsonSchemaTarget = "draft-2020-12" | "openapi-3.0";

/**
 * @example
 * ```ts
 * import { compile } from "@remit/engine";
 * import { factsJsonSchema } from "@remit/server";
 * const compiled = compile(`policy "listing"
 * clause 1 "hazards are listed within a week"
 * collection hazards { foundOn: date  listedOn: optional date }
 * duty listing "hazards are listed" must cites 1 for each h in hazards holder "township"
 *   requires h.listedOn within 7 days of h.foundOn
 * `);
 * if (!("policy" in compiled)) throw new Error("the policy does not compile");
 * const schema = factsJsonSchema(compiled.policy) as { type: string; required: string[]; properties: Record<string, unknown> };
 * console.log(schema.type, schema.required, Object.keys(schema.properties)); // object [ 'hazards' ] [ 'asOf', 'calendarDays', 'hazards' ]
 * ```
 */
export function factsJsonSchema(
  policy: { readonly schema: FactsSchema },
  target: JsonSchemaTarget = "draft-2020-12",
): Record<string, unknown> {
  // Refinements (calendar dates) have no JSON Schema form: the types around them still do.
  return toJSONSchema(policy.schema, { io: "input", unrepresentable: "any", target }) as Record<
    string,
    unknown
  >;
}

interface OpenApiDocument {
  paths?: Record<string, unknown>;
  components?: { schemas?: Record<string, unknown> };
}

/**
 * The document with, for each served policy, its facts schema as a component and its own
 * evaluate path whose request names it (the generic `{name}` path cannot say which facts).
 */
export function withFactsSchemas<D extends object>(
  document: D,
  policies: readonly { readonly route: string; readonly policy: { readonly schema: FactsSchema } }[],
): D {
  const copy = structuredClone(document) as D & OpenApiDocument;
  const schemas = { ...(copy.components?.schemas ?? {}) };
  const paths = { ...(copy.paths ?? {}) };
  const generic = (paths["/v1/policies/{name}/evaluate"] ?? {}) as { post?: Record<string, unknown> };
  for (const { route, policy } of policies) {
    const name = `Facts.${route.replace(/[^A-Za-z0-9._-]/g, "_")}`;
    schemas[name] = factsJsonSchema(policy, "openapi-3.0");
    paths[`/v1/policies/${encodeURIComponent(route)}/evaluate`] = {
      post: {
        ...generic.post,
        tags: ["by policy"],
        summary: `evaluate '${route}' on facts as at a date`,
        parameters: [],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                additionalProperties: false,
                required: ["facts"],
                properties: {
                  facts: { $ref: `#/components/schemas/${name}` },
                  asOf: { type: "string", format: "date" },
                  params: { type: "object", additionalProperties: true },
                },
              },
            },
          },
        },
      },
    };
  }
  copy.components = { ...(copy.components ?? {}), schemas };
  copy.paths = paths;
  return copy;
}
