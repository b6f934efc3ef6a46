"""Records through the sync HttpClient: add/get/query/update/upsert/delete, filters, include, numpy."""
from __future__ import annotations

import numpy as np
import pytest

from support import (
    DIM,
    RECORDS,
    HashedChars,
    assert_embedding,
    assert_nearest,
    columns,
    embed_text,
    expected_ids,
)


@pytest.fixture
def filled(client, name):
    # The embedding function only serves updates of documents without embeddings.
    col = client.create_collection(name, embedding_function=HashedChars())
    col.add(**columns(RECORDS))
    yield col
    client.delete_collection(name)


def by_id(result) -> dict:
    """get() result as {id: (embedding, metadata, document)} for whatever was included."""
    out = {}
    for i, rid in enumerate(result["ids"]):
        emb = result["embeddings"][i] if result.get("embeddings") is not None else None
        meta = result["metadatas"][i] if result.get("metadatas") is not None else None
        doc = result["documents"][i] if result.get("documents") is not None else None
        out[rid] = (emb, meta, doc)
    return out


def test_add_then_get_returns_every_field(filled):
    got = filled.get(include=["embeddings", "metadatas", "documents"])
    assert sorted(got["ids"]) == [r.id for r in RECORDS]
    assert isinstance(got["embeddings"], np.ndarray)
    assert got["embeddings"].shape == (len(RECORDS), DIM)
    rows = by_id(got)
    for r in RECORDS:
        emb, meta, doc = rows[r.id]
        assert_embedding(emb, r.embedding)
        assert meta == r.metadata
        assert doc == r.document


def test_metadata_values_keep_their_python_types(filled):
    got = filled.get(ids=["rec-03"])["metadatas"][0]
    assert (type(got["rank"]), type(got["even"]), type(got["group"])) == (int, bool, str)
    assert type(got["score"]) is float  # 1.5


def test_a_float_with_an_integral_value_stays_a_float(filled):
    got = filled.get(ids=["rec-04"])["metadatas"][0]
    assert got["score"] == 2.0 and type(got["score"]) is float


def test_get_default_include_is_metadatas_and_documents(filled):
    got = filled.get(ids=["rec-03"])
    assert got["ids"] == ["rec-03"]
    assert got["embeddings"] is None
    assert got["metadatas"] == [RECORDS[3].metadata]
    assert got["documents"] == [RECORDS[3].document]
    assert set(got["included"]) == {"metadatas", "documents"}


def test_get_with_empty_include_returns_ids_only(filled):
    got = filled.get(ids=["rec-01", "rec-02"], include=[])
    assert sorted(got["ids"]) == ["rec-01", "rec-02"]
    assert got["metadatas"] is None and got["documents"] is None and got["embeddings"] is None


def test_get_by_ids_ignores_missing_ids(filled):
    got = filled.get(ids=["rec-05", "nope", "rec-07"])
    assert sorted(got["ids"]) == ["rec-05", "rec-07"]


def test_get_pages_with_limit_and_offset(filled):
    everything = filled.get(include=[])["ids"]
    pages = [filled.get(limit=5, offset=o, include=[])["ids"] for o in range(0, len(RECORDS), 5)]
    assert [len(p) for p in pages] == [5, 5, 5, 3]
    assert sum(pages, []) == everything
    assert filled.get(limit=5, offset=len(RECORDS), include=[])["ids"] == []


def test_count_and_peek(filled):
    assert filled.count() == len(RECORDS)
    peek = filled.peek()
    assert len(peek["ids"]) == 10
    assert isinstance(peek["embeddings"], np.ndarray) and peek["embeddings"].shape == (10, DIM)
    rows = {r.id: r for r in RECORDS}
    for rid, emb, doc in zip(peek["ids"], peek["embeddings"], peek["documents"]):
        assert_embedding(emb, rows[rid].embedding)
        assert doc == rows[rid].document
    assert len(filled.peek(limit=3)["ids"]) == 3


WHERE_CASES = [
    {"group": "alpha"},
    {"group": {"$eq": "beta"}},
    {"group": {"$ne": "beta"}},
    {"rank": {"$gt": 10}},
    {"rank": {"$gte": 10}},
    {"rank": {"$lt": 3}},
    {"rank": {"$lte": 3}},
    {"score": {"$gt": 4.25}},
    {"score": 2.5},
    {"even": True},
    {"even": {"$ne": True}},
    {"group": {"$in": ["alpha", "gamma"]}},
    {"group": {"$nin": ["alpha", "gamma"]}},
    {"rank": {"$in": [1, 2, 3, 100]}},
    {"rank": {"$nin": [0, 17]}},
    {"$and": [{"group": "alpha"}, {"rank": {"$gt": 5}}]},
    {"$or": [{"group": "beta"}, {"rank": {"$lt": 2}}]},
    {"$and": [{"$or": [{"group": "alpha"}, {"group": "beta"}]}, {"even": False}, {"score": {"$lte": 6.0}}]},
    {"missing_key": {"$ne": "x"}},
    {"missing_key": "x"},
]


@pytest.mark.parametrize("where", WHERE_CASES, ids=lambda w: str(w))
def test_where(filled, where):
    assert sorted(filled.get(where=where, include=[])["ids"]) == expected_ids(RECORDS, where=where)


WHERE_DOCUMENT_CASES = [
    {"$contains": "apple"},
    {"$contains": "number 1"},
    {"$not_contains": "banana"},
    {"$regex": "^(fig|elder) "},
    {"$regex": "number 1[0-7]$"},
    {"$not_regex": "a"},
    {"$and": [{"$contains": "cherry"}, {"$not_contains": "fig"}]},
    {"$or": [{"$contains": "damson"}, {"$regex": "number [23]$"}]},
]


@pytest.mark.parametrize("where_document", WHERE_DOCUMENT_CASES, ids=lambda w: str(w))
def test_where_document(filled, where_document):
    got = sorted(filled.get(where_document=where_document, include=[])["ids"])
    assert got == expected_ids(RECORDS, where_document=where_document)


def test_where_and_where_document_together(filled):
    where, wd = {"even": True}, {"$contains": "a"}
    got = sorted(filled.get(where=where, where_document=wd, include=[])["ids"])
    assert got == expected_ids(RECORDS, where, wd)
    assert got  # the case is not vacuous


@pytest.mark.parametrize("space", ["l2", "cosine", "ip"])
def test_query_matches_brute_force_in_each_space(client, name, space):
    col = client.create_collection(name, embedding_function=None, configuration={"hnsw": {"space": space}})
    col.add(**columns(RECORDS))
    queries = np.array([[1.0, 0.5, -0.25, 2.0], [-1.5, 0.0, 0.75, 0.25]], dtype=np.float32)
    res = col.query(query_embeddings=queries, n_results=5, include=["distances", "embeddings", "metadatas", "documents"])
    assert len(res["ids"]) == 2
    rows = {r.id: r for r in RECORDS}
    for qi, q in enumerate(queries):
        assert_nearest(res["ids"][qi], res["distances"][qi], RECORDS, q, space)
        for rid, meta, doc, emb in zip(res["ids"][qi], res["metadatas"][qi], res["documents"][qi], res["embeddings"][qi]):
            assert meta == rows[rid].metadata and doc == rows[rid].document
            assert_embedding(emb, rows[rid].embedding)
    client.delete_collection(name)


def test_query_with_where_filters_before_ranking(filled):
    q = np.array([0.5, 0.5, 0.5, 0.5])
    where = {"group": "gamma"}
    res = filled.query(query_embeddings=[q], n_results=4, where=where)
    allowed = [r for r in RECORDS if r.metadata["group"] == "gamma"]
    assert_nearest(res["ids"][0], res["distances"][0], allowed, q, "l2")
    assert len(res["ids"][0]) == 4


def test_query_with_where_document_and_ids(filled):
    q = np.zeros(DIM) + 0.25
    res = filled.query(query_embeddings=q, n_results=10, where_document={"$contains": "apple"}, ids=["rec-00", "rec-01", "rec-06", "rec-12"])
    allowed = [r for r in RECORDS if r.id in {"rec-00", "rec-01", "rec-06", "rec-12"} and "apple" in r.document]
    assert sorted(res["ids"][0]) == sorted(r.id for r in allowed)
    assert_nearest(res["ids"][0], res["distances"][0], allowed, q, "l2")


def test_query_n_results_above_count_returns_everything(filled):
    res = filled.query(query_embeddings=[RECORDS[4].embedding], n_results=100, include=["distances"])
    assert len(res["ids"][0]) == len(RECORDS)
    assert res["ids"][0][0] == "rec-04" and res["distances"][0][0] == pytest.approx(0.0, abs=1e-6)
    assert res["metadatas"] is None and res["documents"] is None


def test_query_texts_use_the_collection_embedding_function(client, name):
    ef = HashedChars()
    col = client.create_collection(name, embedding_function=ef)
    docs = ["apple apple", "banana", "cherry tart", "zzz"]
    col.add(ids=[f"d{i}" for i in range(4)], documents=docs)
    assert ef.calls == docs
    got = col.get(include=["embeddings"])
    for rid, emb in zip(got["ids"], got["embeddings"]):
        assert_embedding(emb, embed_text(docs[int(rid[1:])]))
    res = col.query(query_texts=["cherry tart"], n_results=2, include=["documents", "distances"])
    assert res["ids"][0][0] == "d2" and res["documents"][0][0] == "cherry tart"
    assert res["distances"][0][0] == pytest.approx(0.0, abs=1e-6)
    client.delete_collection(name)


@pytest.mark.parametrize(
    "embeddings",
    [
        pytest.param(lambda rs: np.stack([r.embedding for r in rs]).astype(np.float64), id="float64-matrix"),
        pytest.param(lambda rs: [r.embedding for r in rs], id="list-of-arrays"),
        pytest.param(lambda rs: [r.embedding.tolist() for r in rs], id="lists"),
    ],
)
def test_embedding_inputs_of_each_shape(client, name, embeddings):
    col = client.create_collection(name, embedding_function=None)
    recs = RECORDS[:6]
    col.add(ids=[r.id for r in recs], embeddings=embeddings(recs))
    got = col.get(include=["embeddings"])
    rows = {r.id: r for r in recs}
    for rid, emb in zip(got["ids"], got["embeddings"]):
        assert_embedding(emb, rows[rid].embedding)
    client.delete_collection(name)


def test_update_changes_only_the_given_fields(filled):
    filled.update(ids=["rec-01"], metadatas=[{"group": "updated", "extra": "yes"}])
    filled.update(ids=["rec-02"], documents=["rewritten text"])
    new_emb = np.array([[2.0, 2.0, 2.0, 2.0]], dtype=np.float32)
    filled.update(ids=["rec-03"], embeddings=new_emb)
    rows = by_id(filled.get(ids=["rec-01", "rec-02", "rec-03"], include=["embeddings", "metadatas", "documents"]))
    # metadata updates merge key by key, as upstream
    assert rows["rec-01"][1] == {**RECORDS[1].metadata, "group": "updated", "extra": "yes"}
    assert rows["rec-01"][2] == RECORDS[1].document
    assert_embedding(rows["rec-01"][0], RECORDS[1].embedding)
    assert rows["rec-02"][2] == "rewritten text" and rows["rec-02"][1] == RECORDS[2].metadata
    # a document given without an embedding is embedded by the client's embedding function
    assert_embedding(rows["rec-02"][0], embed_text("rewritten text"))
    assert_embedding(rows["rec-03"][0], new_emb[0])
    assert filled.get(where={"group": "updated"}, include=[])["ids"] == ["rec-01"]
    assert filled.get(where_document={"$contains": "rewritten"}, include=[])["ids"] == ["rec-02"]
    res = filled.query(query_embeddings=new_emb, n_results=1)
    assert res["ids"] == [["rec-03"]]


def test_update_removes_a_metadata_key_set_to_none(filled):
    filled.update(ids=["rec-04"], metadatas=[{"score": None}])
    meta = filled.get(ids=["rec-04"])["metadatas"][0]
    assert "score" not in meta and meta["group"] == RECORDS[4].metadata["group"]


def test_update_of_a_missing_id_changes_nothing(filled):
    filled.update(ids=["no-such-id"], documents=["ghost"])
    assert filled.count() == len(RECORDS)
    assert filled.get(ids=["no-such-id"])["ids"] == []


def test_upsert_inserts_new_and_replaces_existing(filled):
    filled.upsert(
        ids=["rec-00", "new-1"],
        embeddings=np.array([[0.5, 0.5, 0.5, 0.5], [1.0, -1.0, 1.0, -1.0]], dtype=np.float32),
        metadatas=[{"group": "upserted"}, {"group": "upserted", "rank": 99}],
        documents=["replaced", "brand new"],
    )
    assert filled.count() == len(RECORDS) + 1
    rows = by_id(filled.get(ids=["rec-00", "new-1"], include=["embeddings", "metadatas", "documents"]))
    assert_embedding(rows["rec-00"][0], [0.5, 0.5, 0.5, 0.5])
    assert rows["rec-00"][1]["group"] == "upserted"
    assert rows["rec-00"][2] == "replaced"
    assert rows["new-1"][1] == {"group": "upserted", "rank": 99} and rows["new-1"][2] == "brand new"
    assert sorted(filled.get(where={"group": "upserted"}, include=[])["ids"]) == ["new-1", "rec-00"]


def test_add_of_an_existing_id_keeps_the_first_record(filled):
    # Chroma 1.x ignores an add of an existing id (no error, no change).
    filled.add(ids=["rec-05"], embeddings=[[9.0, 9.0, 9.0, 9.0]], documents=["second"])
    got = filled.get(ids=["rec-05"], include=["embeddings", "documents"])
    assert got["documents"] == [RECORDS[5].document]
    assert_embedding(got["embeddings"][0], RECORDS[5].embedding)
    assert filled.count() == len(RECORDS)


def test_delete_by_ids_where_and_where_document(filled):
    left = {r.id: r for r in RECORDS}
    filled.delete(ids=["rec-00", "rec-01"])
    for rid in ("rec-00", "rec-01"):
        del left[rid]
    assert sorted(filled.get(include=[])["ids"]) == sorted(left)

    filled.delete(where={"group": "beta"})
    left = {k: r for k, r in left.items() if r.metadata["group"] != "beta"}
    assert sorted(filled.get(include=[])["ids"]) == sorted(left)

    filled.delete(where_document={"$contains": "cherry"})
    left = {k: r for k, r in left.items() if "cherry" not in r.document}
    assert sorted(filled.get(include=[])["ids"]) == sorted(left)
    assert filled.count() == len(left)
    # deleted records are gone from queries too
    res = filled.query(query_embeddings=[RECORDS[1].embedding], n_results=len(RECORDS))
    assert set(res["ids"][0]) == set(left)


def test_documents_only_and_uris(client, name):
    col = client.create_collection(name, embedding_function=None)
    col.add(
        ids=["u1", "u2"],
        embeddings=[[1.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0]],
        uris=["s3://bucket/one.png", "file:///tmp/two.png"],
    )
    got = col.get(include=["uris", "documents", "metadatas"])
    assert dict(zip(got["ids"], got["uris"])) == {"u1": "s3://bucket/one.png", "u2": "file:///tmp/two.png"}
    assert got["documents"] == [None, None]
    # upstream answers {} for a record stored with a uri and no metadata (the uri lives among its
    # metadata internally), None otherwise; a user sees "no metadata" either way
    assert [m or None for m in got["metadatas"]] == [None, None]
    res = col.query(query_embeddings=[[0.0, 1.0, 0.0, 0.0]], n_results=1, include=["uris"])
    assert res["uris"] == [["file:///tmp/two.png"]]
    client.delete_collection(name)


def test_unicode_documents_and_metadata_round_trip(client, name):
    col = client.create_collection(name, embedding_function=None)
    doc = "Grüße, 世界 — emoji 🚀 and \"quotes\" \\ backslash"
    meta = {"título": "naïve café", "emoji": "🧪", "n": -3, "f": -0.125}
    col.add(ids=["ü-1"], embeddings=[[0.25, 0.5, 0.75, 1.0]], documents=[doc], metadatas=[meta])
    got = col.get(ids=["ü-1"])
    assert got["documents"] == [doc] and got["metadatas"] == [meta]
    assert col.get(where_document={"$contains": "世界"}, include=[])["ids"] == ["ü-1"]
    assert col.get(where={"título": "naïve café"}, include=[])["ids"] == ["ü-1"]
    client.delete_collection(name)


def test_embeddings_and_distances_are_floats_even_when_integral(client, name):
    col = client.create_collection(name, embedding_function=None)
    col.add(ids=["i"], embeddings=[[1.0, 2.0, 0.0]])
    got = col.get(include=["embeddings"])["embeddings"]
    assert got.dtype.kind == "f", got.dtype
    res = col.query(query_embeddings=[[1.0, 2.0, 0.0]], n_results=1, include=["distances", "embeddings"])
    assert type(res["distances"][0][0]) is float
    assert np.asarray(res["embeddings"][0]).dtype.kind == "f"
    client.delete_collection(name)
