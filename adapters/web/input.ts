/** What the HTTP API accepts, as zod schemas (the OpenAPI request schemas come from them), and its errors. */
import { z } from "zod";
import { isDay } from "../../src/as-of.js";

/** The longest question accepted (the core reads no further). */
export const MAX_QUESTION_CHARS = 2000;

/** The largest request body read; longer ones are refused before they are parsed. */
export const MAX_BODY_BYTES = 16 * 1024;

/** Every error the API answers with, by its `error.code`. */
export type ErrorCode =
  | "missing_question"
  | "question_too_long"
  | "invalid_question"
  | "invalid_date"
  | "unknown_field"
  | "invalid_body"
  | "invalid_json"
  | "unsupported_media_type"
  | "payload_too_large"
  | "rate_limited"
  | "not_found"
  | "method_not_allowed"
  | "internal_error";

/** The body of every 4xx and 5xx answer. */
export interface ApiError {
  error: { code: ErrorCode; message: string };
}

/** An error body. */
export function apiError(code: ErrorCode, message: string): ApiError {
  return { error: { code, message } };
}

const question = z
  .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") })
  .max(MAX_QUESTION_CHARS, { error: `must be at most ${MAX_QUESTION_CHARS} characters` });

const day = z
  .string({ error: "must be a string" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a day written YYYY-MM-DD, e.g. 2014-04-18" })
  .refine(isDay, { error: "must be a real calendar day, e.g. 2014-04-18" });

/** `GET /api/ask?q=...&as-of=YYYY-MM-DD` (and the page's `/?q=`). */
export const askQuerySchema = z.object({ q: question, "as-of": day.optional() });

/** `POST /api/ask` with `{ "question": ..., "asOf": ... }`; any other field is refused, so a typo is not ignored. */
export const askBodySchema = z.strictObject(
  { question, asOf: day.nullable().optional() },
  { error: "must be a JSON object" },
);

/** `GET /api/table?as-of=YYYY-MM-DD`. */
export const tableQuerySchema = z.object({ "as-of": day.optional() });

function codeOf(issue: z.core.$ZodIssue, input: unknown): ErrorCode {
  const field = issue.path[0];
  if (issue.code === "unrecognized_keys") return "unknown_field";
  if (field === "q" || field === "question") {
    const given =
      typeof input === "object" && input !== null ? (input as Record<string, unknown>)[field] : undefined;
    if (given === undefined) return "missing_question";
    return issue.code === "too_big" ? "question_too_long" : "invalid_question";
  }
  if (field === "as-of" || field === "asOf") return "invalid_date";
  return "invalid_body";
}

/** The first problem of a refused input (as given), as an error body naming the field ("as-of must be ..."). */
export function inputError(error: z.ZodError, input: unknown): ApiError {
  const issue = error.issues[0];
  if (issue === undefined) return apiError("invalid_body", "the request is not valid");
  const field = issue.path.map(String).join(".");
  const message =
    issue.code === "unrecognized_keys"
      ? `unknown field ${issue.keys.map((key) => JSON.stringify(key.slice(0, 40))).join(", ")}: send "question" and optionally "asOf"`
      : `${field === "" ? "the body" : field} ${issue.message}`;
  return apiError(codeOf(issue, input), message);
}
