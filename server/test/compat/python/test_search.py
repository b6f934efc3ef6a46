"""The Search API through the official Python client (chromadb 1.3.5): Search, Key/K, Knn, Rrf,
select, limit, where on metadata / #id / #document, several searches per call. Answers are compared
with brute force computed here (quarter-step vectors: float32 distances are exact). Chroma's own
single-node server answers every search with 501, hence the known_difference marker."""
from __future__ import annotations

import random

import numpy as np
import pytest

from chromadb import K, Knn, Rrf, Search

pytestmark = pytest.mark.known_difference("the Search API is implemented; single-node Chroma 1.x answers 501")

DIM = 8
N = 120
GROUPS = ["red", "green", "blue"]


def _vec(r: random.Random) -> list[float]:
    return [r.randint(-8, 8) / 4 for _ in range(DIM)]


_r = random.Random(20240613)
RECORDS = [
    {
        "id": f"doc-{i:03d}",
        "embedding": _vec(_r),
        "document": f"{['river', 'stone', 'cloud'][i % 3]} number {i}",
        "metadata": {"i": i, "group": GROUPS[(i * 7) % 3], "even": i % 2 == 0},
    }
    for i in range(N)
]
QUERIES = [_vec(_r) for _ in range(3)]


def _l2(a: list[float], b: list[float]) -> float:
    return float(sum((x - y) ** 2 for x, y in zip(a, b)))


def _ranked(query: list[float], keep=lambda r: True) -> list[tuple[str, float]]:
    rows = [(r["id"], _l2(query, r["embedding"]), r["metadata"]["i"]) for r in RECORDS if keep(r)]
    rows.sort(key=lambda t: (t[1], t[2]))
    return [(rid, d) for rid, d, _ in rows]


@pytest.fixture(scope="module")
def col(client):
    name = f"py-search-{random.randrange(1 << 30):08x}"
    c = client.create_collection(name, embedding_function=None)
    c.add(
        ids=[r["id"] for r in RECORDS],
        embeddings=np.array([r["embedding"] for r in RECORDS], dtype=np.float32),
        documents=[r["document"] for r in RECORDS],
        metadatas=[r["metadata"] for r in RECORDS],
    )
    yield c
    client.delete_collection(name)


def test_dense_knn_ranks_like_brute_force(col):
    for q in QUERIES:
        result = col.search(Search().rank(Knn(query=q, limit=10)).limit(10).select(K.DOCUMENT, K.SCORE, "group"))
        want = _ranked(q)[:10]
        assert result["ids"] == [[rid for rid, _ in want]]
        assert [float(s) for s in result["scores"][0]] == [d for _, d in want]
        by_id = {r["id"]: r for r in RECORDS}
        assert result["documents"][0] == [by_id[rid]["document"] for rid, _ in want]
        assert result["metadatas"][0] == [{"group": by_id[rid]["metadata"]["group"]} for rid, _ in want]


def test_where_with_keys_ids_and_documents(col):
    where = ((K("group") == "red") & (K("i") >= 30)) | K.ID.is_in(["doc-001", "doc-002"]) | K.DOCUMENT.contains("cloud number 5")
    result = col.search(Search().where(where).rank(Knn(query=QUERIES[1], limit=200)).limit(200))

    def keep(r):
        m = r["metadata"]
        return (m["group"] == "red" and m["i"] >= 30) or r["id"] in ("doc-001", "doc-002") or "cloud number 5" in r["document"]

    assert result["ids"] == [[rid for rid, _ in _ranked(QUERIES[1], keep)]]


def test_paging_and_storage_order_without_rank(col):
    result = col.search(Search().where(K("even") == True).limit(4, offset=2).select(K.SCORE))  # noqa: E712
    evens = [r["id"] for r in RECORDS if r["metadata"]["even"]]
    assert result["ids"] == [evens[2:6]]
    assert result["scores"] == [[0.0, 1.0, 2.0, 3.0]]


def test_rrf_of_two_rankings(col):
    a = [rid for rid, _ in _ranked(QUERIES[0])[:20]]
    b = [rid for rid, _ in _ranked(QUERIES[2])[:20]]
    rank = Rrf(ranks=[Knn(query=QUERIES[0], limit=20, return_rank=True, default=100.0), Knn(query=QUERIES[2], limit=20, return_rank=True, default=100.0)], k=60)
    result = col.search(Search().rank(rank).limit(10).select(K.SCORE))
    f = np.float32

    def pos(lst, rid):
        return lst.index(rid) if rid in lst else 100

    order = {r["id"]: r["metadata"]["i"] for r in RECORDS}
    fused = sorted(set(a) | set(b), key=lambda rid: (float(-(f(1) / (f(pos(a, rid)) + f(60)) + f(1) / (f(pos(b, rid)) + f(60)))), order[rid]))
    assert result["ids"] == [fused[:10]]


def test_several_searches_in_one_call(col):
    result = col.search([Search().rank(Knn(query=QUERIES[0], limit=3)).limit(3), Search().where(K.ID == "doc-007").select(K.DOCUMENT)])
    assert result["ids"] == [[rid for rid, _ in _ranked(QUERIES[0])[:3]], ["doc-007"]]
    assert result["documents"][1] == [RECORDS[7]["document"]]
