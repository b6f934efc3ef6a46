/**
 * Errors the core raises. Each carries upstream Chroma's error name and HTTP status, so the HTTP
 * layer can answer `{"error": name, "message": message}` without knowing any semantics.
 */
export class ChromaError extends Error {
  readonly status: number = 500;
  override readonly name: string = "ChromaError";
  /**
   * chromadb 0.6.3's wording of the same mistake, where v1 clients match on it (where-filter
   * operators); the v1 face answers it instead of `message` (http/v1-errors.ts).
   */
  readonly v1Message?: string;

  constructor(message?: string, options?: { v1Message?: string }) {
    super(message);
    if (options?.v1Message !== undefined) this.v1Message = options.v1Message;
  }
}

export class InvalidArgumentError extends ChromaError {
  override readonly status = 400;
  override readonly name = "InvalidArgumentError";
}

export class NotFoundError extends ChromaError {
  override readonly status = 404;
  override readonly name = "NotFoundError";
}

/** 0.6.3's name for "already exists" (1.x says ChromaError with the same 409). */
export class UniqueConstraintError extends ChromaError {
  override readonly status = 409;
  override readonly name = "UniqueConstraintError";
}

export class UnauthorizedError extends ChromaError {
  override readonly status = 401;
  override readonly name = "AuthError";
}

export class ForbiddenError extends ChromaError {
  override readonly status = 403;
  override readonly name = "AuthorizationError";
}

/** Operation known but switched off by configuration (e.g. reset without ALLOW_RESET); 1.x answers 403. */
export class NotAllowedError extends ChromaError {
  override readonly status = 403;
  override readonly name = "ChromaError";
}

/** 0.6.3's DuplicateIDError, answered with 400 as every other invalid argument. */
export class DuplicateIdError extends ChromaError {
  override readonly status = 400;
  override readonly name = "DuplicateIDError";
}

export class BatchSizeExceededError extends ChromaError {
  override readonly status = 413;
  override readonly name = "BatchSizeExceededError";
}

/** A collection that does not exist (or is outside the caller's scope); `ref` is the name or id asked for. */
export class CollectionNotFoundError extends NotFoundError {
  constructor(
    readonly ref: string,
    message: string,
  ) {
    super(message);
  }
}

/** An embedding whose length is not the collection's dimension. */
export class DimensionMismatchError extends InvalidArgumentError {
  constructor(
    readonly expected: number,
    readonly got: number,
  ) {
    super(`Collection expecting embedding with dimension of ${expected}, got ${got}`);
  }
}

/** 0.6.3 (v1) names for a missing collection and a dimension mismatch, both answered 400. */
export class InvalidCollectionError extends ChromaError {
  override readonly status = 400;
  override readonly name = "InvalidCollection";
}

export class InvalidDimensionError extends ChromaError {
  override readonly status = 400;
  override readonly name = "InvalidDimension";
}

/** The service cannot do it right now (e.g. another replica keeps a write lease); retrying may succeed. */
export class ServiceUnavailableError extends ChromaError {
  override readonly status = 503;
  override readonly name = "ChromaError";
}

/** 1.x's answer to a conflict it has no dedicated name for (e.g. a tenant resource name set twice). */
export class ConflictError extends ChromaError {
  override readonly status = 409;
  override readonly name = "ChromaError";
}
