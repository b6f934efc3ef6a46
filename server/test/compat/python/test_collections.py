"""Collections through the sync HttpClient: create/get/list/count/modify/delete, metadata, configuration."""
from __future__ import annotations

import uuid

import numpy as np
import pytest

from chromadb.errors import NotFoundError

from support import RECORDS, columns


def test_create_get_and_delete(client, name):
    col = client.create_collection(name, metadata={"owner": "py", "n": 3, "f": 0.5, "b": True}, embedding_function=None)
    assert col.name == name
    assert isinstance(col.id, uuid.UUID)
    assert col.metadata == {"owner": "py", "n": 3, "f": 0.5, "b": True}
    got = client.get_collection(name, embedding_function=None)
    assert got.id == col.id and got.metadata == col.metadata
    client.delete_collection(name)
    with pytest.raises(NotFoundError):
        client.get_collection(name)


def test_get_or_create_returns_the_existing_collection_unchanged(client, name):
    first = client.get_or_create_collection(name, metadata={"v": 1}, embedding_function=None)
    first.add(ids=["a"], embeddings=[[1.0, 2.0]])
    again = client.get_or_create_collection(name, metadata={"v": 1}, embedding_function=None)
    assert again.id == first.id
    assert again.count() == 1
    client.delete_collection(name)


def test_list_and_count_collections_in_a_database(isolated):
    assert isolated.list_collections() == []
    assert isolated.count_collections() == 0
    names = [f"coll-{i:02d}" for i in range(7)]
    for n in names:
        isolated.create_collection(n, embedding_function=None)
    assert isolated.count_collections() == 7
    listed = isolated.list_collections()
    assert sorted(c.name for c in listed) == names
    pages = [isolated.list_collections(limit=3, offset=o) for o in (0, 3, 6)]
    assert [len(p) for p in pages] == [3, 3, 1]
    assert [c.name for p in pages for c in p] == [c.name for c in listed]


def test_modify_name_and_metadata(client, name):
    col = client.create_collection(name, metadata={"a": 1}, embedding_function=None)
    col.add(**columns(RECORDS[:3]))
    renamed = name + "-renamed"
    col.modify(name=renamed, metadata={"b": "two"})
    assert col.name == renamed
    got = client.get_collection(renamed, embedding_function=None)
    assert got.id == col.id
    assert got.metadata == {"b": "two"}
    assert got.count() == 3
    with pytest.raises(NotFoundError):
        client.get_collection(name)
    client.delete_collection(renamed)


def test_a_collection_object_reaches_its_records_after_a_rename(client, name):
    col = client.create_collection(name, embedding_function=None)
    other_handle = client.get_collection(name, embedding_function=None)
    col.modify(name=name + "-x")
    other_handle.add(ids=["late"], embeddings=[[0.5, 0.5]])  # addressed by id, not by name
    assert client.get_collection(name + "-x").count() == 1
    client.delete_collection(name + "-x")


def test_delete_then_recreate_starts_empty(client, name):
    col = client.create_collection(name, embedding_function=None)
    col.add(**columns(RECORDS))
    client.delete_collection(name)
    again = client.create_collection(name, embedding_function=None)
    assert again.id != col.id
    assert again.count() == 0 and again.get()["ids"] == []
    # a new dimensionality is fine: the old records are gone with the old collection
    again.add(ids=["x"], embeddings=[[1.0, 2.0, 3.0]])
    assert again.query(query_embeddings=[[1.0, 2.0, 3.0]], n_results=1)["ids"] == [["x"]]
    client.delete_collection(name)


def test_configuration_is_echoed(client, name):
    col = client.create_collection(
        name,
        configuration={"hnsw": {"space": "cosine", "ef_construction": 120, "ef_search": 80, "max_neighbors": 24}},
        embedding_function=None,
    )
    for c in (col, client.get_collection(name, embedding_function=None)):
        hnsw = c.configuration_json["hnsw"]
        assert hnsw["space"] == "cosine"
        assert (hnsw["ef_construction"], hnsw["ef_search"], hnsw["max_neighbors"]) == (120, 80, 24)
    client.delete_collection(name)


def test_default_configuration(client, name):
    col = client.create_collection(name, embedding_function=None)
    hnsw = client.get_collection(name, embedding_function=None).configuration_json["hnsw"]
    assert hnsw == {
        "space": "l2",
        "ef_construction": 100,
        "ef_search": 100,
        "max_neighbors": 16,
        "resize_factor": 1.2,
        "sync_threshold": 1000,
    }
    assert col.configuration_json.get("spann") is None
    client.delete_collection(name)


def test_heartbeat_version_and_max_batch_size(client):
    assert isinstance(client.heartbeat(), int) and client.heartbeat() > 0
    assert isinstance(client.get_version(), str) and client.get_version()
    assert client.get_max_batch_size() > 0


def test_a_batch_of_max_batch_size_is_accepted(client, name):
    n = client.get_max_batch_size()
    col = client.create_collection(name, embedding_function=None)
    rng = np.random.default_rng(1)
    col.add(ids=[f"id-{i}" for i in range(n)], embeddings=rng.random((n, 2), dtype=np.float32))
    assert col.count() == n
    client.delete_collection(name)


def test_get_or_create_keeps_the_existing_metadata(client, name):
    client.create_collection(name, metadata={"v": 1}, embedding_function=None)
    again = client.get_or_create_collection(name, metadata={"v": 2}, embedding_function=None)
    assert client.get_collection(name).metadata == again.metadata
    assert again.metadata == {"v": 1}
    client.delete_collection(name)
