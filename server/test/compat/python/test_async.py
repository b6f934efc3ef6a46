"""The AsyncHttpClient: the same operations awaited, and many of them in flight on one event loop."""
from __future__ import annotations

import asyncio

import numpy as np
import pytest
import pytest_asyncio

import chromadb
from chromadb.errors import NotFoundError

from support import RECORDS, assert_embedding, assert_nearest, columns, expected_ids

pytestmark = pytest.mark.asyncio


@pytest_asyncio.fixture
async def aclient(host_port):
    host, port = host_port
    return await chromadb.AsyncHttpClient(host=host, port=port)


async def test_async_collection_and_record_round_trip(aclient, name):
    col = await aclient.create_collection(name, metadata={"kind": "async"}, embedding_function=None)
    await col.add(**columns(RECORDS))
    assert await col.count() == len(RECORDS)
    got = await col.get(ids=["rec-02", "rec-09"], include=["embeddings", "metadatas", "documents"])
    rows = {r.id: r for r in RECORDS}
    for rid, emb, meta, doc in zip(got["ids"], got["embeddings"], got["metadatas"], got["documents"]):
        assert_embedding(emb, rows[rid].embedding)
        assert meta == rows[rid].metadata and doc == rows[rid].document
    where = {"$or": [{"group": "beta"}, {"rank": {"$gte": 15}}]}
    assert sorted((await col.get(where=where, include=[]))["ids"]) == expected_ids(RECORDS, where)
    q = np.array([0.25, -0.5, 1.0, 0.0], dtype=np.float32)
    res = await col.query(query_embeddings=[q], n_results=4, include=["distances"])
    assert_nearest(res["ids"][0], res["distances"][0], RECORDS, q, "l2")
    await col.update(ids=["rec-00"], metadatas=[{"group": "changed"}])
    await col.upsert(ids=["rec-new"], embeddings=[[1.0, 1.0, 1.0, 1.0]], metadatas=[{"group": "changed"}])
    assert sorted((await col.get(where={"group": "changed"}, include=[]))["ids"]) == ["rec-00", "rec-new"]
    await col.delete(where={"group": "changed"})
    assert await col.count() == len(RECORDS) - 1
    peek = await col.peek(3)
    assert len(peek["ids"]) == 3
    await col.modify(metadata={"kind": "async", "v": 2})
    assert (await aclient.get_collection(name)).metadata == {"kind": "async", "v": 2}
    await aclient.delete_collection(name)
    with pytest.raises(NotFoundError):
        await aclient.get_collection(name)


async def test_async_concurrent_writes_and_queries(aclient, name):
    col = await aclient.create_collection(name, embedding_function=None)
    rng = np.random.default_rng(3)
    batches = [(f"b{b}", rng.random((10, 8), dtype=np.float32)) for b in range(12)]

    async def write_then_find(prefix: str, embs: np.ndarray) -> None:
        ids = [f"{prefix}-{i}" for i in range(len(embs))]
        await col.add(ids=ids, embeddings=embs, metadatas=[{"batch": prefix}] * len(ids))
        res = await col.query(query_embeddings=embs[3:4], n_results=1, where={"batch": prefix})
        assert res["ids"] == [[f"{prefix}-3"]]

    await asyncio.gather(*(write_then_find(p, e) for p, e in batches))
    assert await col.count() == 120
    got = await col.get(include=["embeddings"])
    expected = {f"{p}-{i}": e[i] for p, e in batches for i in range(len(e))}
    assert sorted(got["ids"]) == sorted(expected)
    for rid, emb in zip(got["ids"], got["embeddings"]):
        assert_embedding(emb, expected[rid])
    await aclient.delete_collection(name)


async def test_async_admin_flow(host_port, name):
    host, port = host_port
    admin_client = await chromadb.AsyncHttpClient(host=host, port=port)
    await admin_client.create_collection(name, embedding_function=None)
    names = [c.name for c in await admin_client.list_collections()]
    assert name in names
    assert await admin_client.count_collections() >= 1
    await admin_client.delete_collection(name)
    assert name not in [c.name for c in await admin_client.list_collections()]
