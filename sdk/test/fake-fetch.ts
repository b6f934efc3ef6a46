/** A fetch that records each request and answers from a script, for asserting request shapes. */

export interface Recorded {
  method: string;
  url: URL;
  headers: Headers;
  /** Parsed JSON body, or undefined when there was none. */
  body: unknown;
}

export type Responder = (req: Recorded) => Response | Promise<Response>;

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

export function fakeFetch(respond: Responder) {
  const requests: Recorded[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const text = await request.text();
    const recorded: Recorded = {
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: text === "" ? undefined : JSON.parse(text),
    };
    requests.push(recorded);
    return respond(recorded);
  };
  return { fetch, requests };
}

export const collectionModel = (overrides: Record<string, unknown> = {}) => ({
  id: "5c6f1a4e-1b1c-4c66-9a55-5a1f0f5e0a11",
  name: "docs",
  configuration_json: { hnsw: { space: "l2", ef_search: 100 }, spann: null, embedding_function: null },
  metadata: { team: "search" },
  dimension: null,
  tenant: "default_tenant",
  database: "default_database",
  log_position: 0,
  version: 0,
  ...overrides,
});

/** The same collection as chromadb 0.6.3 (the v1 API) answers it. */
export const collectionModelV1 = (overrides: Record<string, unknown> = {}) => {
  const { configuration_json: _v2, ...rest } = collectionModel(overrides);
  return {
    ...rest,
    configuration_json: {
      hnsw_configuration: { space: "l2", ef_construction: 100, ef_search: 100, num_threads: 4, M: 16, resize_factor: 1.2, batch_size: 100, sync_threshold: 1000, _type: "HNSWConfigurationInternal" },
      _type: "CollectionConfigurationInternal",
    },
  };
};
