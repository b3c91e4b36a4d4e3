import { Validator as OpenApiValidator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectDocumented, type OpenApiDocument } from "../support/documented-schema";
import { startTestService, type TestService } from "../support/test-store";

let service: TestService;
let doc: OpenApiDocument & { openapi: string };
beforeAll(async () => {
  service = await startTestService();
  doc = await (await service.app.request("/openapi.json")).json();
});
afterAll(() => service.cleanup());

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document whose every $ref resolves", async () => {
    const validator = new OpenApiValidator();
    const result = await validator.validate(structuredClone(doc) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it("holds only valid JSON Schema 2020-12 schemas (the OpenAPI validator does not look inside them)", () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const schemas: Array<[string, unknown]> = Object.entries((doc.components as { schemas: Record<string, unknown> }).schemas);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const [status, r] of Object.entries(op.responses)) {
          for (const [type, c] of Object.entries(r.content ?? {})) schemas.push([`${method} ${path} ${status} ${type}`, c.schema]);
        }
      }
    }
    expect(schemas.length).toBeGreaterThan(20);
    for (const [name, schema] of schemas) {
      const ok = ajv.validateSchema(schema as object);
      expect(ajv.errors ?? [], name).toEqual([]);
      expect(ok, name).toBe(true);
    }
  });

  it("documents every route the app serves, with its error answers", () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual([
      "GET /bugs",
      "GET /bugs/{id}",
      "GET /bugs/{id}/osv",
      "GET /feedback/summary",
      "GET /health",
      "GET /kb",
      "POST /diagnose",
      "POST /integrations/discord/interactions",
      "POST /integrations/slack/commands",
      "POST /integrations/slack/interactions",
    ]);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const statuses = Object.keys(op.responses);
        expect(statuses, `${method} ${path}`).toContain("200");
        expect(
          statuses.some((s) => Number(s) >= 400),
          `${method} ${path} documents its errors`,
        ).toBe(true);
        // The rate-limited routes say so (review 42a F9: the chat webhooks did not).
        if (path === "/diagnose" || path.startsWith("/integrations/")) expect(statuses, `${method} ${path}`).toContain("429");
      }
    }
    // A busy or over-budget diagnosis's 503 names when to try again; generated clients read it from here (review 64f F4).
    const busy = (doc.paths["/diagnose"] as Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>).post
      ?.responses["503"];
    expect(Object.keys(busy?.headers ?? {})).toContain("Retry-After");
  });

  it("rejects an answer that does not match (so the per-route checks can fail)", async () => {
    const wrong = new Response(JSON.stringify({ status: "ok", kb: { version: 1 } }), {
      status: 200,
      headers: { "content-type": "application/json", "x-request-id": "r", "x-kb-version": "kb-0" },
    });
    await expect(expectDocumented(doc, "get", "/health", wrong)).rejects.toThrow(/documented schema/);
    const noVersion = new Response(JSON.stringify({ status: "ok", kb: { version: "kb-0", records: 1, importedAt: "" } }), {
      status: 200,
      headers: { "content-type": "application/json", "x-request-id": "r" },
    });
    await expect(expectDocumented(doc, "get", "/health", noVersion)).rejects.toThrow(/X-KB-Version/);
  });
});
