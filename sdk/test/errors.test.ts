/** Error answers become typed errors: by the body's `error` name first, by status second. */
import { describe, expect, it } from "vitest";
import {
  ChromaClient,
  ChromaConnectionError,
  ChromaError,
  ForbiddenError,
  InvalidArgumentError,
  NotFoundError,
  ServerError,
  UnauthorizedError,
  UniqueConstraintError,
  ValidationError,
  errorFromResponse,
} from "../src/index.js";
import { fakeFetch, json } from "./fake-fetch.js";

function failingClient(response: () => Response) {
  return new ChromaClient({ path: "http://h:1", fetch: fakeFetch(response).fetch });
}

describe("errors from server answers", () => {
  it("a 404 NotFoundError body becomes NotFoundError with status, name, message and body", async () => {
    const body = { error: "NotFoundError", message: "Collection docs does not exist." };
    const err = await failingClient(() => json(body, 404))
      .getCollection({ name: "docs" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toBeInstanceOf(ChromaError);
    expect(err).toMatchObject({ status: 404, error: "NotFoundError", message: "Collection docs does not exist.", body, name: "NotFoundError" });
  });

  it("a 422 with detail becomes ValidationError (also an InvalidArgumentError) exposing detail", async () => {
    const detail = [{ loc: ["body", "ids", 0], msg: "must be string", type: "string_type" }];
    const err = await failingClient(() => json({ error: "InvalidArgumentError", message: "Invalid request", detail }, 422))
      .createCollection({ name: "x" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect((err as ValidationError).detail).toEqual(detail);
    expect((err as ValidationError).error).toBe("InvalidArgumentError");
  });

  it("the error name wins over the status", () => {
    expect(errorFromResponse(400, { error: "UniqueConstraintError", message: "exists" })).toBeInstanceOf(UniqueConstraintError);
    expect(errorFromResponse(400, { error: "InvalidCollection", message: "gone" })).toBeInstanceOf(NotFoundError);
    expect(errorFromResponse(400, { error: "InvalidArgumentError", message: "bad" })).toBeInstanceOf(InvalidArgumentError);
    expect(errorFromResponse(400, { error: "InvalidArgumentError", message: "bad" })).not.toBeInstanceOf(ValidationError);
  });

  it("falls back to the status when the name is unknown or missing", () => {
    const cases: [number, new (...args: never[]) => ChromaError][] = [
      [400, InvalidArgumentError],
      [401, UnauthorizedError],
      [403, ForbiddenError],
      [404, NotFoundError],
      [409, UniqueConstraintError],
      [422, ValidationError],
      [500, ServerError],
      [503, ServerError],
      [418, ChromaError],
    ];
    for (const [status, cls] of cases) {
      const err = errorFromResponse(status, { error: "SomethingElse", message: "m" });
      expect(err, String(status)).toBeInstanceOf(cls);
      expect(err.status).toBe(status);
      expect(err.error).toBe("SomethingElse");
    }
  });

  it("a non-JSON error answer keeps its text as the message", async () => {
    const err = await failingClient(() => new Response("upstream exploded", { status: 502 }))
      .heartbeat()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect(err).toMatchObject({ status: 502, message: "upstream exploded", error: "ServerError", body: "upstream exploded" });
  });

  it("a 409 answer to createCollection is a UniqueConstraintError", async () => {
    const err = await failingClient(() => json({ error: "UniqueConstraintError", message: "Collection docs already exists" }, 409))
      .createCollection({ name: "docs" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UniqueConstraintError);
  });

  it("no answer at all is a ChromaConnectionError carrying the cause", async () => {
    const cause = new TypeError("fetch failed");
    const client = new ChromaClient({ path: "http://h:1", fetch: async () => Promise.reject(cause) });
    const err = await client.heartbeat().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChromaConnectionError);
    expect((err as Error).cause).toBe(cause);
    expect((err as ChromaConnectionError).status).toBe(0);
  });
});
