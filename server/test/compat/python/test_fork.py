"""Collection.fork through the official Python client (chromadb 1.3.5): the fork holds the source's
records, metadata and configuration, the two are independent afterwards, a fork of a fork works, a
fork outlives its deleted source, and upstream's refusals surface as the client's errors. Chroma's own
single-node server answers fork with 501, hence the known_difference marker."""
from __future__ import annotations

import numpy as np
import pytest

from chromadb.errors import NotFoundError, UniqueConstraintError

pytestmark = pytest.mark.known_difference("fork is implemented; single-node Chroma 1.x answers 501")

IDS = [f"id-{i:02d}" for i in range(30)]
EMBEDDINGS = np.array([[i % 5, i // 5, 1.0] for i in range(30)], dtype=np.float32)


@pytest.fixture()
def source(client, name):
    c = client.create_collection(
        f"{name}-src",
        metadata={"owner": "py"},
        configuration={"hnsw": {"space": "cosine", "ef_search": 64}},
        embedding_function=None,
    )
    c.add(ids=IDS, embeddings=EMBEDDINGS, documents=[f"doc {i}" for i in IDS], metadatas=[{"i": i} for i in range(30)])
    return c


def test_fork_copies_then_diverges(client, source, name):
    fork = source.fork(f"{name}-copy")
    assert fork.name == f"{name}-copy"
    assert fork.id != source.id
    assert fork.metadata == {"owner": "py"}
    assert fork.configuration["hnsw"]["space"] == "cosine"
    assert fork.configuration["hnsw"]["ef_search"] == 64
    assert client.get_collection(f"{name}-copy").id == fork.id

    include = ["embeddings", "documents", "metadatas"]
    a, b = source.get(include=include), fork.get(include=include)
    assert a["ids"] == b["ids"] and a["documents"] == b["documents"] and a["metadatas"] == b["metadatas"]
    assert np.array_equal(np.array(a["embeddings"]), np.array(b["embeddings"]))
    q = dict(query_embeddings=[[2.0, 3.0, 1.0]], n_results=5)
    assert source.query(**q)["ids"] == fork.query(**q)["ids"]

    fork.delete(ids=IDS[:10])
    fork.add(ids=["fork-only"], embeddings=[[9.0, 9.0, 9.0]])
    source.update(ids=["id-29"], metadatas=[{"i": 29, "touched": True}])
    assert fork.count() == 21
    assert source.count() == 30
    assert fork.get(ids=["id-29"])["metadatas"] == [{"i": 29}]
    assert source.get(ids=["fork-only"])["ids"] == []

    grandchild = fork.fork(f"{name}-2")
    assert grandchild.count() == 21
    client.delete_collection(source.name)
    client.delete_collection(fork.name)
    assert sorted(grandchild.get()["ids"]) == sorted(IDS[10:] + ["fork-only"])


def test_fork_refusals(client, source, name):
    taken = client.create_collection(f"{name}-taken", embedding_function=None)
    with pytest.raises(UniqueConstraintError):
        source.fork(taken.name)
    client.delete_collection(source.name)
    with pytest.raises(NotFoundError):
        source.fork(f"{name}-gone")
