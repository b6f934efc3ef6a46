/**
 * Assertions on error answers: the exact status and error name, and the body shape every error
 * must have ({"error": string, "message": non-empty string}).
 */
import { ChromaError } from "@chromaspec/sdk";
import { expect } from "vitest";
import type { RawAnswer } from "./client.js";
import type { Api } from "./contract.js";

export interface ExpectedError {
  status: number;
  /** The body's `error` name; several when the spec allows either; "*" for any non-empty name. */
  error: string | string[];
  /** Part of the message, when the spec fixes it. */
  message?: RegExp;
}

function checkBody(body: unknown, want: ExpectedError, status: number): void {
  const names = Array.isArray(want.error) ? want.error : [want.error];
  const b = (body ?? {}) as Record<string, unknown>;
  // A plain expected value (not an asymmetric matcher) keeps "expected vs actual" readable in reports.
  const anyName = names[0] === "*" && typeof b.error === "string" && b.error.length > 0;
  const error = anyName || names.includes(b.error as string) ? b.error : names.join(" | ");
  expect({ status, error: b.error }, `error answer ${JSON.stringify(body)}`).toEqual({ status: want.status, error });
  expect(typeof b.message, `"message" of ${JSON.stringify(body)}`).toBe("string");
  expect((b.message as string).length, `"message" of ${JSON.stringify(body)} is empty`).toBeGreaterThan(0);
  if (want.message) expect(b.message).toMatch(want.message);
}

/** Awaits a call that must fail with this error. */
export async function expectError(pending: Promise<unknown>, want: ExpectedError): Promise<ChromaError> {
  let outcome: unknown;
  try {
    outcome = await pending;
  } catch (err) {
    expect(err, String(err)).toBeInstanceOf(ChromaError);
    const e = err as ChromaError;
    // No HTTP answer reached the SDK (connection refused, or Prism reported a spec violation).
    if (e.status === 0) throw err;
    checkBody(e.body, want, e.status);
    return e;
  }
  const shown = JSON.stringify(outcome) ?? "nothing";
  expect.fail(`expected HTTP ${want.status} ${String(want.error)}, but the call succeeded with ${shown.length > 120 ? `${shown.slice(0, 120)}…` : shown}`);
}

/** The same check on a raw answer. */
export function expectErrorAnswer(answer: RawAnswer, want: ExpectedError): void {
  checkBody(answer.body, want, answer.status);
}

// ---- what the spec says each API answers

/** A collection that does not exist, looked up by name (get). v1: chromadb 0.6.3's 400 InvalidCollection. */
export const missingCollectionByName = (api: Api): ExpectedError =>
  api === "v2" ? { status: 404, error: "NotFoundError" } : { status: 400, error: "InvalidCollection" };

/** Deleting a collection that does not exist. v1: 0.6.3 raises a ValueError, hence 400 InvalidArgumentError. */
export const missingCollectionOnDelete = (api: Api): ExpectedError =>
  api === "v2" ? { status: 404, error: "NotFoundError" } : { status: 400, error: "InvalidArgumentError" };

/** A record operation (or PUT) on a collection id that does not exist. */
export const missingCollectionById = (api: Api): ExpectedError =>
  api === "v2" ? { status: 404, error: "NotFoundError" } : { status: 400, error: "InvalidCollection" };

export const notFound: ExpectedError = { status: 404, error: "NotFoundError" };
export const duplicate: ExpectedError = { status: 409, error: "UniqueConstraintError" };
export const invalidArgument: ExpectedError = { status: 400, error: "InvalidArgumentError" };
/** Embedding dimension mismatch; v1 may name it as 0.6.3 does. */
export const dimensionMismatch = (api: Api): ExpectedError =>
  api === "v2" ? { status: 400, error: "InvalidArgumentError" } : { status: 400, error: ["InvalidDimension", "InvalidArgumentError"] };
/** 422: the spec's HTTPValidationError leaves the name open (chromaspec: InvalidArgumentError, Chroma 1.x: ChromaError). */
export const unprocessable: ExpectedError = { status: 422, error: "*" };
