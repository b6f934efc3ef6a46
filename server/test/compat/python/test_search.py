"""The Search API through the official Python client (chromadb 1.3.5): Search, Key/K, Knn, Rrf,
select, limit, where on metadata / #id / #document, several searches per call; sparse Knn on a key
whose schema (the client's Schema + SparseVectorIndexConfig) enables a sparse-vector index, and
hybrid Rrf of a dense and a sparse Knn. Answers are compared with brute force computed here
(quarter-step vectors, eighth-step sparse values: float32 distances and dot products are exact).
The 1.3.5 Python client has no group_by builder (the JS client's GroupBy is tested in
chromadb-3-hybrid.test.ts). Chroma's own
single-node server answers every search with 501, hence the known_difference marker."""
from __future__ import annotations

import random

import numpy as np
import pytest

from chromadb import K, Knn, Rrf, Schema, Search, SparseVector, SparseVectorIndexConfig

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


def _ranked(query: list[float], keep=lambda r: True, records=RECORDS) -> list[tuple[str, float]]:
    """The records `keep` accepts, by l2 distance to query, then insertion order."""
    rows = [(r["id"], _l2(query, r["embedding"]), r["metadata"]["i"]) for r in records if keep(r)]
    rows.sort(key=lambda t: (t[1], t[2]))
    return [(rid, d) for rid, d, _ in rows]


def _filled(client, prefix: str, records: list[dict], **create):
    """A new collection (unique name, no embedding function) holding `records`."""
    c = client.create_collection(f"{prefix}-{random.randrange(1 << 30):08x}", embedding_function=None, **create)
    c.add(
        ids=[r["id"] for r in records],
        embeddings=np.array([r["embedding"] for r in records], dtype=np.float32),
        documents=[r["document"] for r in records],
        metadatas=[r["metadata"] for r in records],
    )
    return c


@pytest.fixture(scope="module")
def col(client):
    c = _filled(client, "py-search", RECORDS)
    yield c
    client.delete_collection(c.name)


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


# ---- sparse and hybrid (issue 13) -------------------------------------------------------------
# A second collection whose schema enables a sparse-vector index on "sparse". Sparse values are
# eighths and dense ones quarters, so every dot product and distance is exact in float32 whatever
# the summation order: ids and scores compare for equality, ties in insertion order.

SPARSE_N = 300
SPARSE_DIMS = 2000
SPARSE_NNZ = 40


def _sparse_vec(r: random.Random, nnz: int) -> SparseVector:
    indices = sorted(r.sample(range(SPARSE_DIMS), nnz))
    return SparseVector(indices=indices, values=[r.randint(1, 16) / 8 for _ in indices])


_s = random.Random(1313)
SPARSE_RECORDS = [
    {
        "id": f"sp-{i:03d}",
        "embedding": _vec(_s),
        "document": f"{['river', 'stone', 'cloud', 'ember'][i % 4]} sparse {i}",
        "metadata": {"i": i, "bucket": i % 5, "sparse": _sparse_vec(_s, SPARSE_NNZ)},
    }
    for i in range(SPARSE_N)
]
SPARSE_BY_ID = {r["id"]: r for r in SPARSE_RECORDS}
# Queries share dimensions with many records: drawn from the first 200 dimensions.
SPARSE_QUERIES = [SparseVector(indices=sorted(_s.sample(range(200), 6)), values=[_s.randint(1, 16) / 8 for _ in range(6)]) for _ in range(5)]
DENSE_QUERIES = [_vec(_s) for _ in range(5)]


def _sparse_ranked(q: SparseVector, keep=lambda r: True) -> list[tuple[str, float]]:
    """Records sharing a dimension with q, by 1 - q·d ascending (float32), then insertion order."""
    weight = dict(zip(q.indices, q.values))
    rows = []
    for r in SPARSE_RECORDS:
        if not keep(r):
            continue
        v = r["metadata"]["sparse"]
        shared = [weight[d] * x for d, x in zip(v.indices, v.values) if d in weight]
        if shared:
            rows.append((r["id"], float(np.float32(1) - np.float32(sum(shared))), r["metadata"]["i"]))
    rows.sort(key=lambda t: (t[1], t[2]))
    return [(rid, s) for rid, s, _ in rows]


def _rrf(rankings: list[tuple[list[str], float]], k: int, default: float) -> list[tuple[str, float]]:
    """-(sum of w / (rank + k)) in float32 as the client's Rrf builds it; missing ranks take default."""
    f = np.float32
    fused = []
    for rid in {rid for ids, _ in rankings for rid in ids}:
        total = f(0)
        for ids, w in rankings:
            pos = ids.index(rid) if rid in ids else default
            total = f(total + f(f(w) / f(f(pos) + f(k))))
        fused.append((rid, float(f(total) * f(-1))))
    fused.sort(key=lambda t: (t[1], SPARSE_BY_ID[t[0]]["metadata"]["i"]))
    return fused


@pytest.fixture(scope="module")
def sparse_col(client):
    schema = Schema().create_index(SparseVectorIndexConfig(bm25=False), key="sparse")
    c = _filled(client, "py-sparse", SPARSE_RECORDS, schema=schema)
    yield c
    client.delete_collection(c.name)


def test_schema_keeps_the_sparse_index_and_the_vectors(sparse_col):
    index = sparse_col.schema.keys["sparse"].sparse_vector.sparse_vector_index
    assert index.enabled is True
    got = sparse_col.get(ids=["sp-007"], include=["metadatas"])
    assert got["metadatas"][0]["sparse"] == SPARSE_RECORDS[7]["metadata"]["sparse"]


def test_sparse_knn_is_exact(sparse_col):
    for q in SPARSE_QUERIES:
        want = _sparse_ranked(q)[:10]
        result = sparse_col.search(Search().rank(Knn(query=q, key="sparse", limit=10)).limit(10).select(K.SCORE, "bucket"))
        assert result["ids"] == [[rid for rid, _ in want]]
        assert [float(s) for s in result["scores"][0]] == [s for _, s in want]
        assert result["metadatas"][0] == [{"bucket": SPARSE_BY_ID[rid]["metadata"]["bucket"]} for rid, _ in want]


def test_sparse_knn_with_where_and_paging(sparse_col):
    where = (K("bucket") != 2) & K.DOCUMENT.contains("er ")  # river / ember records outside bucket 2

    def keep(r):
        return r["metadata"]["bucket"] != 2 and "er " in r["document"]

    for q in SPARSE_QUERIES:
        want = [rid for rid, _ in _sparse_ranked(q, keep)[:30]]
        pages = []
        for offset in (0, 12, 24):
            result = sparse_col.search(Search().where(where).rank(Knn(query=q, key="sparse", limit=30)).limit(12, offset=offset))
            pages.extend(result["ids"][0])
        assert pages == want


def test_hybrid_rrf_of_dense_and_sparse(sparse_col):
    for dq, sq in zip(DENSE_QUERIES, SPARSE_QUERIES):
        dense = [rid for rid, _ in _ranked(dq, records=SPARSE_RECORDS)[:40]]
        sparse = [rid for rid, _ in _sparse_ranked(sq)[:40]]
        rank = Rrf(
            ranks=[Knn(query=dq, limit=40, return_rank=True, default=1000.0), Knn(query=sq, key="sparse", limit=40, return_rank=True, default=1000.0)],
            k=30,
            weights=[0.75, 0.25],
        )
        result = sparse_col.search(Search().rank(rank).limit(15).select(K.SCORE))
        want = _rrf([(dense, 0.75), (sparse, 0.25)], 30, 1000)[:15]
        assert result["ids"] == [[rid for rid, _ in want]]
        assert [float(np.float32(s)) for s in result["scores"][0]] == [s for _, s in want]


def test_hybrid_rrf_with_where(sparse_col):
    where = K("bucket").is_in([0, 1, 3])

    def keep(r):
        return r["metadata"]["bucket"] in (0, 1, 3)

    dq, sq = DENSE_QUERIES[0], SPARSE_QUERIES[1]
    dense = [rid for rid, _ in _ranked(dq, keep, SPARSE_RECORDS)[:25]]
    sparse = [rid for rid, _ in _sparse_ranked(sq, keep)[:25]]
    rank = Rrf(ranks=[Knn(query=dq, limit=25, return_rank=True, default=100.0), Knn(query=sq, key="sparse", limit=25, return_rank=True, default=100.0)])
    result = sparse_col.search(Search().where(where).rank(rank).limit(10, offset=5).select(K.SCORE, K.DOCUMENT))
    want = _rrf([(dense, 1.0), (sparse, 1.0)], 60, 100)[5:15]
    assert result["ids"] == [[rid for rid, _ in want]]
    assert result["documents"][0] == [SPARSE_BY_ID[rid]["document"] for rid, _ in want]
