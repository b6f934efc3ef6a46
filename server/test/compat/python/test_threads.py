"""
Several threads writing and querying at once through the official client, as upstream's own
multithreaded client tests do, asserting the data afterwards (not just "no exception").
"""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from support import assert_embedding

THREADS = 6
BATCHES = 8
DIM = 16


def vectors(tid: int, batch: int, n: int) -> np.ndarray:
    rng = np.random.default_rng(tid * 1000 + batch)
    return rng.random((n, DIM), dtype=np.float32) + tid  # each thread in its own region


def run_threads(fn, n: int = THREADS) -> list:
    with ThreadPoolExecutor(max_workers=n) as pool:
        return [f.result() for f in [pool.submit(fn, t) for t in range(n)]]


@pytest.mark.parametrize("shared_client", [True, False], ids=["one-client", "client-per-thread"])
def test_concurrent_adds_and_queries_keep_every_record(client, make_client, name, shared_client):
    col = client.create_collection(name, embedding_function=None, configuration={"hnsw": {"space": "l2"}})
    written: dict[str, np.ndarray] = {}
    lock = threading.Lock()

    def work(tid: int) -> int:
        c = col if shared_client else make_client().get_collection(name, embedding_function=None)
        mine = 0
        for b in range(BATCHES):
            n = 5 + (tid + b) % 7
            ids = [f"t{tid}-b{b}-{i}" for i in range(n)]
            embs = vectors(tid, b, n)
            c.add(ids=ids, embeddings=embs, metadatas=[{"thread": tid, "batch": b} for _ in ids], documents=[f"thread {tid} item {x}" for x in ids])
            with lock:
                written.update(zip(ids, embs))
            mine += n
            # a record this thread acknowledged is found at once, by id and as its own nearest neighbour
            res = c.query(query_embeddings=embs[:1], n_results=1, where={"thread": tid}, include=["distances", "metadatas"])
            assert res["ids"] == [[ids[0]]]
            assert res["distances"][0][0] == pytest.approx(0.0, abs=1e-4)
            assert res["metadatas"][0][0] == {"thread": tid, "batch": b}
            got = c.get(where={"$and": [{"thread": tid}, {"batch": {"$lte": b}}]}, include=[])
            assert len(got["ids"]) == mine
        return mine

    counts = run_threads(work)
    assert col.count() == sum(counts) == len(written)
    got = col.get(include=["embeddings", "metadatas", "documents"])
    assert sorted(got["ids"]) == sorted(written)
    for rid, emb, meta, doc in zip(got["ids"], got["embeddings"], got["metadatas"], got["documents"]):
        assert_embedding(emb, written[rid])
        tid = int(rid.split("-")[0][1:])
        assert meta["thread"] == tid and doc == f"thread {tid} item {rid}"
    client.delete_collection(name)


def test_concurrent_upserts_updates_and_deletes_match_a_sequential_model(client, name):
    """Each thread owns its ids, so the final state is the per-thread sequential model's."""
    col = client.create_collection(name, embedding_function=None)

    def work(tid: int) -> dict[str, tuple[np.ndarray, dict]]:
        model: dict[str, tuple[np.ndarray, dict]] = {}
        for b in range(BATCHES):
            ids = [f"t{tid}-{i}" for i in range(b, b + 6)]  # overlapping windows: upserts hit existing ids
            embs = vectors(tid, b, len(ids))
            metas = [{"thread": tid, "round": b} for _ in ids]
            col.upsert(ids=ids, embeddings=embs, metadatas=metas)
            # an upsert of an existing id merges its metadata, as update does (upstream too)
            model.update({i: (e, {**model.get(i, (None, {}))[1], **m}) for i, e, m in zip(ids, embs, metas)})
            victim = f"t{tid}-{b}"
            col.delete(ids=[victim])
            model.pop(victim, None)
            keep = f"t{tid}-{b + 3}"
            col.update(ids=[keep], metadatas=[{"thread": tid, "round": b, "touched": True}])
            e, m = model[keep]
            model[keep] = (e, {**m, "touched": True})
            assert col.get(ids=[victim], include=[])["ids"] == []
        return model

    models = run_threads(work)
    expected = {k: v for m in models for k, v in m.items()}
    got = col.get(include=["embeddings", "metadatas"])
    assert sorted(got["ids"]) == sorted(expected)
    for rid, emb, meta in zip(got["ids"], got["embeddings"], got["metadatas"]):
        assert_embedding(emb, expected[rid][0])
        assert meta == expected[rid][1]
    for tid in range(THREADS):
        want = sorted(k for k, (_, m) in expected.items() if m["thread"] == tid and m.get("touched"))
        assert sorted(col.get(where={"$and": [{"thread": tid}, {"touched": True}]}, include=[])["ids"]) == want
    client.delete_collection(name)


def test_many_collections_created_and_dropped_concurrently(client, name):
    def work(tid: int) -> None:
        for r in range(4):
            cname = f"{name}-{tid}-{r}"
            c = client.create_collection(cname, embedding_function=None)
            c.add(ids=[f"{r}-{i}" for i in range(20)], embeddings=vectors(tid, r, 20))
            assert c.count() == 20
            assert c.query(query_embeddings=vectors(tid, r, 1), n_results=1)["ids"] == [[f"{r}-0"]]
            if r % 2 == 0:
                client.delete_collection(cname)

    run_threads(work)
    left = sorted(c.name for c in client.list_collections() if c.name.startswith(name + "-"))
    assert left == sorted(f"{name}-{t}-{r}" for t in range(THREADS) for r in (1, 3))
    for n in left:
        assert client.get_collection(n).count() == 20
        client.delete_collection(n)
