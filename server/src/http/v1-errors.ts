/**
 * 0.6.3's error names on the v1 face. The core raises one kind of error per mistake; v1 clients
 * (chromadb@1.8) expect 0.6.3's names and codes for two of them: a missing collection is a 400
 * `InvalidCollection` (an `InvalidArgumentError` when deleting by name) and a wrong dimension is
 * a 400 `InvalidDimension`; an error that carries 0.6.3's own wording (`v1Message`, e.g. a bad where
 * operator) answers that wording. Applied outermost, so the auth guard's "not in your scope" answer is
 * translated exactly like a missing collection.
 */
import { CollectionNotFoundError, DimensionMismatchError, InvalidArgumentError, InvalidCollectionError, InvalidDimensionError } from "../core/errors.js";
import type { Handlers } from "../generated/handlers.js";

function translate(op: string, err: unknown): unknown {
  if (err instanceof CollectionNotFoundError) {
    const message = `Collection ${err.ref} does not exist.`;
    return op === "v1DeleteCollection" ? new InvalidArgumentError(message) : new InvalidCollectionError(message);
  }
  if (err instanceof DimensionMismatchError) {
    return new InvalidDimensionError(`Embedding dimension ${err.got} does not match collection dimensionality ${err.expected}`);
  }
  // Same mistake, 0.6.3's words (where-filter operators: v1 clients match on them).
  if (err instanceof InvalidArgumentError && err.v1Message !== undefined) return new InvalidArgumentError(err.v1Message);
  return err;
}

export function withV1ErrorNames(handlers: Handlers): Handlers {
  const out: Record<string, unknown> = { ...handlers };
  for (const op of Object.keys(handlers)) {
    if (!op.startsWith("v1")) continue;
    const inner = (handlers as unknown as Record<string, (input: unknown) => Promise<unknown>>)[op];
    out[op] = async (input: unknown) => {
      try {
        return await inner(input);
      } catch (err) {
        throw translate(op, err);
      }
    };
  }
  return out as unknown as Handlers;
}
