import { Validator } from "@cfworker/json-schema";
import { expect } from "vitest";

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      { responses: Record<string, { headers?: Record<string, { required?: boolean }>; content?: Record<string, { schema: object }> }> }
    >
  >;
  components?: object;
}

/**
 * Checks a real answer against the response schema that /openapi.json documents for it (JSON Schema
 * 2020-12, as OpenAPI 3.1 uses). @cfworker/json-schema needs no code generation, so it runs in workerd too.
 */
export async function expectDocumented(doc: OpenApiDocument, method: string, path: string, res: Response): Promise<unknown> {
  const type = (res.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
  const documented = doc.paths[path]?.[method]?.responses[String(res.status)]?.content?.[type]?.schema;
  expect(documented, `${method.toUpperCase()} ${path} documents a ${res.status} ${type} answer`).toBeDefined();
  const response = doc.paths[path]?.[method]?.responses[String(res.status)];
  // A header the document marks required must be there (OpenAPI's default is optional: the limiter's counts are Node's).
  for (const [header, spec] of Object.entries(response?.headers ?? {})) {
    if (spec.required !== true) continue;
    expect(res.headers.get(header), `${method.toUpperCase()} ${path} ${res.status} documents the ${header} header`).toBeTruthy();
  }
  const body: unknown = type.endsWith("json") ? await res.json() : await res.text();
  // Refs point at #/components/...: validate with the components beside the schema, as in the document.
  const validator = new Validator({ ...documented, components: doc.components }, "2020-12", false);
  const result = validator.validate(body);
  const errors = result.errors.slice(0, 5).map((e) => `${e.instanceLocation}: ${e.error}`);
  expect(errors, `${method.toUpperCase()} ${path} ${res.status} answer vs its documented schema`).toEqual([]);
  return body;
}
