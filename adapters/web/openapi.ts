/** The API's OpenAPI 3.1 description: request schemas generated from the zod schemas, responses written out. */
import { z } from "zod";
import { PRODUCT_IDS, TOPIC_IDS } from "../../src/types.js";
import { askBodySchema, askQuerySchema, MAX_BODY_BYTES } from "./input.js";

type Schema = Record<string, unknown>;

/** A zod schema as a plain JSON Schema 2020-12 object (the dialect OpenAPI 3.1 uses), without `$schema`. */
function fromZod(schema: z.ZodType): Schema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input" }) as Schema;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema) => ({ "application/json": { schema } });
const nullable = (schema: Schema) => ({ anyOf: [schema, { type: "null" }] });
const VERDICTS = { type: "string", enum: ["yes", "no", "partial", "unlisted"] };
const DAY = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", examples: ["2014-04-18"] };

const asOfParameter = {
  name: "as-of",
  in: "query",
  required: false,
  description: "Answer from the sources dated on or before this day only (default: today).",
  schema: fromZod(askQuerySchema.shape["as-of"].unwrap()),
};

const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [String(status), { $ref: `#/components/responses/Error${status}` }]),
  );

const ERROR_TEXT: Record<number, string> = {
  400: "The input is not valid: `error.code` says which part, `error.message` how.",
  404: "No such path.",
  405: "The path does not take this method.",
  413: `The body is larger than ${MAX_BODY_BYTES} bytes.`,
  415: "The body is not `application/json`.",
  429: "Too many questions from this address: wait as long as `Retry-After` says.",
};

const answered = {
  description: "The answer object of the contract, as `dom0 ask --json` prints it.",
  content: json(ref("Answer")),
};

/** The document served at `/api/openapi.json`. */
export const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "dom0bot HTTP API",
    version: "1.0.0",
    description:
      "Can this system be the Xen Project dom0? Answers from the Xen wiki's dom0 table (its 2014 revision and its current one) and the distributions' own documents, each cited with its date.",
  },
  paths: {
    "/api/ask": {
      get: {
        summary: "Answer a question",
        operationId: "askGet",
        parameters: [
          { name: "q", in: "query", required: true, schema: fromZod(askQuerySchema.shape.q) },
          asOfParameter,
        ],
        responses: { "200": answered, ...errors(400, 429) },
      },
      post: {
        summary: "Answer a question sent as JSON",
        operationId: "askPost",
        requestBody: { required: true, content: json(fromZod(askBodySchema)) },
        responses: { "200": answered, ...errors(400, 413, 415, 429) },
      },
    },
    "/api/table": {
      get: {
        summary: "The support table as of a day",
        operationId: "table",
        parameters: [asOfParameter],
        responses: {
          "200": {
            description: "The newest table in scope on that day, and its rows.",
            content: json(ref("Table")),
          },
          ...errors(400),
        },
      },
    },
    "/api/openapi.json": {
      get: {
        summary: "This description",
        operationId: "openapi",
        responses: { "200": { description: "OpenAPI 3.1", content: json({ type: "object" }) } },
      },
    },
    "/healthz": {
      get: {
        summary: "Health check",
        operationId: "health",
        responses: {
          "200": { description: "Serving.", content: json({ type: "object" }) },
          "503": { description: "Shutting down, or a platform of the process is not connected." },
        },
      },
    },
  },
  components: {
    schemas: {
      Verdict: VERDICTS,
      SourceRef: {
        type: "object",
        required: ["id", "title", "site", "revision", "dateText", "url"],
        properties: {
          id: { type: "string" },
          title: { type: "string" },
          site: { type: "string" },
          revision: DAY,
          dateText: { type: "string" },
          url: { type: "string", format: "uri" },
        },
      },
      SourceFinding: {
        type: "object",
        required: ["id", "title", "url", "date", "verdict", "says"],
        properties: {
          id: { type: "string" },
          title: { type: "string" },
          url: { type: "string", format: "uri" },
          date: DAY,
          verdict: nullable(ref("Verdict")),
          says: { type: "string" },
        },
      },
      Answer: {
        type: "object",
        required: ["question", "intent", "product", "version", "xen", "verdict", "topic", "text", "sources"],
        properties: {
          question: { type: "string" },
          intent: { type: "string", enum: ["support", "list", "faq", "unclear"] },
          product: nullable({ type: "string", enum: [...PRODUCT_IDS] }),
          version: nullable({ type: "string" }),
          xen: nullable({ type: "string" }),
          verdict: nullable(ref("Verdict")),
          topic: nullable({ type: "string", enum: [...TOPIC_IDS] }),
          text: { type: "string" },
          headline: { type: "string" },
          reasons: { type: "array", items: { type: "string" } },
          notes: { type: "array", items: ref("Note") },
          suggestions: { type: "array", items: { type: "string" } },
          source: ref("SourceRef"),
          sources: { type: "array", items: ref("SourceFinding") },
          asOf: DAY,
          answers: { type: "array", items: ref("Answer") },
        },
      },
      TableRow: {
        type: "object",
        required: ["table", "product", "name", "versions", "notes"],
        properties: {
          table: { type: "string", enum: ["linux", "unix"] },
          product: { type: "string", enum: [...PRODUCT_IDS] },
          name: { type: "string" },
          versions: { type: "string", description: "The Versions cell as the page writes it." },
          notes: { type: "array", items: ref("Note") },
          source: ref("SourceRef"),
        },
      },
      Note: {
        type: "object",
        required: ["id", "text"],
        properties: { id: { type: "string" }, text: { type: "string" } },
      },
      Table: {
        type: "object",
        required: ["asOf", "source", "tables", "rows"],
        properties: {
          asOf: DAY,
          source: nullable(ref("SourceRef")),
          tables: { type: "array", items: ref("SourceRef") },
          rows: { type: "array", items: ref("TableRow") },
        },
      },
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: { code: { type: "string" }, message: { type: "string" } },
          },
        },
      },
    },
    responses: Object.fromEntries(
      Object.entries(ERROR_TEXT).map(([status, description]) => [
        `Error${status}`,
        { description, content: json(ref("Error")) },
      ]),
    ),
  },
} as const;
