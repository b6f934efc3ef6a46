/** Turns an openapi-fetch result into its data, or throws the matching ChromaError. */
import { ChromaConnectionError, errorFromResponse } from "../errors.js";

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

export async function call<T>(pending: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await pending;
  } catch (err) {
    throw new ChromaConnectionError(`Could not reach the Chroma server: ${(err as Error)?.message ?? String(err)}`, { cause: err });
  }
  if (!result.response.ok) throw errorFromResponse(result.response.status, result.error);
  return result.data as T;
}
