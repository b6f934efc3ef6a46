/**
 * Typed errors built from the server's error body {"error": "<Name>", "message": "..."}: the
 * `error` name picks the class first (it is what the server meant), the HTTP status second.
 */

export class ChromaError extends Error {
  /** HTTP status of the answer; 0 when no answer arrived (see ChromaConnectionError). */
  readonly status: number;
  /** The server's error name (`error` field of the body), or this class's name when absent. */
  readonly error: string;
  /** The parsed answer body (object, or text when it was not JSON). */
  readonly body: unknown;

  constructor(message: string, options: { status?: number; error?: string; body?: unknown; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.status = options.status ?? 0;
    this.error = options.error ?? new.target.name;
    this.body = options.body;
  }
}

/** 400, or an `InvalidArgumentError` body. */
export class InvalidArgumentError extends ChromaError {}
/** 422: the request did not match the API schema; `detail` lists each violation (FastAPI format). */
export class ValidationError extends InvalidArgumentError {
  get detail(): { loc: (string | number)[]; msg: string; type: string }[] {
    const body = this.body as { detail?: unknown } | undefined;
    return Array.isArray(body?.detail) ? (body.detail as { loc: (string | number)[]; msg: string; type: string }[]) : [];
  }
}
/** 404, or a `NotFoundError` body. */
export class NotFoundError extends ChromaError {}
/** 409, or a `UniqueConstraintError` body (the tenant, database or collection already exists). */
export class UniqueConstraintError extends ChromaError {}
/** 401: missing or wrong credentials. */
export class UnauthorizedError extends ChromaError {}
/** 403: the credentials do not allow this. */
export class ForbiddenError extends ChromaError {}
/** 5xx. */
export class ServerError extends ChromaError {}
/** No HTTP answer at all (connection refused, DNS, CORS, aborted). */
export class ChromaConnectionError extends ChromaError {}
/** The client refused the call before sending it (e.g. an operation the chosen API version lacks). */
export class ChromaClientError extends ChromaError {}

type ErrorClass = new (message: string, options?: { status?: number; error?: string; body?: unknown }) => ChromaError;

const BY_NAME: Record<string, ErrorClass> = {
  InvalidArgumentError,
  InvalidArgument: InvalidArgumentError,
  ValidationError,
  NotFoundError,
  InvalidCollection: NotFoundError,
  UniqueConstraintError,
  DuplicateIDError: UniqueConstraintError,
  UnauthorizedError,
  AuthError: UnauthorizedError,
  ChromaAuthError: UnauthorizedError,
  ForbiddenError,
  AuthorizationError: ForbiddenError,
  InternalError: ServerError,
};

function byStatus(status: number): ErrorClass {
  if (status === 400) return InvalidArgumentError;
  if (status === 401) return UnauthorizedError;
  if (status === 403) return ForbiddenError;
  if (status === 404) return NotFoundError;
  if (status === 409) return UniqueConstraintError;
  if (status === 422) return ValidationError;
  if (status >= 500) return ServerError;
  return ChromaError;
}

/** The error for a non-2xx answer with the given status and (parsed) body. */
export function errorFromResponse(status: number, body: unknown): ChromaError {
  const fields = body !== null && typeof body === "object" ? (body as { error?: unknown; message?: unknown; detail?: unknown }) : {};
  const name = typeof fields.error === "string" ? fields.error : undefined;
  const message =
    typeof fields.message === "string"
      ? fields.message
      : typeof body === "string" && body !== ""
        ? body
        : `HTTP ${status}`;
  let cls = (name !== undefined ? BY_NAME[name] : undefined) ?? byStatus(status);
  // The server reports schema violations as InvalidArgumentError with status 422 and `detail`.
  if (status === 422 && cls === InvalidArgumentError) cls = ValidationError;
  return new cls(message, { status, error: name ?? cls.name, body });
}
