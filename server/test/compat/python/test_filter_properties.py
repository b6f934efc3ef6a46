"""
Property test: random where / where_document filters over a fixed random record set, through the
client, against the Python model in support.py (hypothesis drives the filters; upstream's own
client tests do the same with their strategies). Operands are of the key's own type; floats are
never integral (that case is the open bug pinned in test_records.py).
"""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from support import Record, expected_ids

WORDS = ["red", "green", "blue", "cyan", "teal", "gold"]
N = 60


def dataset() -> list[Record]:
    rng = np.random.default_rng(11)
    out = []
    for i in range(N):
        meta: dict = {}
        if rng.random() < 0.85:
            meta["color"] = WORDS[int(rng.integers(0, len(WORDS)))]
        if rng.random() < 0.85:
            meta["size"] = int(rng.integers(-5, 6))
        if rng.random() < 0.85:
            meta["weight"] = float(rng.integers(-20, 20)) + 0.5
        if rng.random() < 0.85:
            meta["flag"] = bool(rng.integers(0, 2))
        words = " ".join(WORDS[int(j)] for j in rng.integers(0, len(WORDS), size=3))
        out.append(Record(f"p{i:03d}", rng.random(3, dtype=np.float32), meta or {"color": "gold"}, f"{words} #{i}"))
    return out


DATA = dataset()

strings = st.sampled_from(WORDS + ["none-such"])
ints = st.integers(-6, 6)
floats = st.integers(-21, 21).map(lambda i: i + 0.5)
bools = st.booleans()


def leaf():
    def of(key: str, values, ordered: bool):
        ops = ["$eq", "$ne"] + (["$gt", "$gte", "$lt", "$lte"] if ordered else [])
        single = st.tuples(st.sampled_from(ops), values).map(lambda t: {key: {t[0]: t[1]}})
        plain = values.map(lambda v: {key: v})
        many = st.tuples(st.sampled_from(["$in", "$nin"]), st.lists(values, min_size=1, max_size=3)).map(lambda t: {key: {t[0]: t[1]}})
        return st.one_of(single, plain, many)

    return st.one_of(of("color", strings, False), of("size", ints, True), of("weight", floats, True), of("flag", bools, False))


wheres = st.recursive(
    leaf(),
    lambda inner: st.tuples(st.sampled_from(["$and", "$or"]), st.lists(inner, min_size=2, max_size=3)).map(lambda t: {t[0]: t[1]}),
    max_leaves=6,
)

doc_leaf = st.tuples(
    st.sampled_from(["$contains", "$not_contains", "$regex", "$not_regex"]),
    st.one_of(st.sampled_from(WORDS), st.sampled_from(["#1", "d g", "^red", "e{2}", "(cyan|teal) #[0-9]$"])),
).map(lambda t: {t[0]: t[1]})
where_documents = st.one_of(
    doc_leaf,
    st.tuples(st.sampled_from(["$and", "$or"]), st.lists(doc_leaf, min_size=2, max_size=3)).map(lambda t: {t[0]: t[1]}),
)


@pytest.fixture(scope="module")
def filled(client):
    import uuid

    name = f"py-props-{uuid.uuid4().hex[:8]}"
    col = client.create_collection(name, embedding_function=None)
    col.add(
        ids=[r.id for r in DATA],
        embeddings=np.stack([r.embedding for r in DATA]),
        metadatas=[r.metadata for r in DATA],
        documents=[r.document for r in DATA],
    )
    yield col
    client.delete_collection(name)


SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(where=wheres)
def test_get_with_random_where_matches_the_model(filled, where):
    assert sorted(filled.get(where=where, include=[])["ids"]) == expected_ids(DATA, where=where)


@SETTINGS
@given(where_document=where_documents, where=st.one_of(st.none(), wheres))
def test_get_with_random_where_document_matches_the_model(filled, where_document, where):
    got = sorted(filled.get(where=where, where_document=where_document, include=[])["ids"])
    assert got == expected_ids(DATA, where, where_document)


@SETTINGS
@given(where=wheres)
def test_query_with_random_where_returns_only_matches(filled, where):
    want = expected_ids(DATA, where=where)
    q = np.array([0.5, 0.5, 0.5], dtype=np.float32)
    if not want:
        res = filled.query(query_embeddings=[q], n_results=5, where=where, include=[])
        assert res["ids"] == [[]]
        return
    res = filled.query(query_embeddings=[q], n_results=5, where=where, include=["distances"])
    assert len(res["ids"][0]) == min(5, len(want))
    assert set(res["ids"][0]) <= set(want)
    # exact top-k among the matches (few enough that every server scans them exactly)
    rows = {r.id: r for r in DATA}
    best = sorted(float(np.sum((rows[i].embedding.astype(np.float64) - q) ** 2)) for i in want)[: len(res["ids"][0])]
    np.testing.assert_allclose(res["distances"][0], best, rtol=1e-4, atol=1e-5)
