"""
Each exception a Python user would catch, raised by the 1.3.5 client against the server: the
class (chosen by the client from the body's "error" name) and the message (the body's "message").
Client-side validation (ValueError, DuplicateIDError, TypeError) is included where a user meets it
before any request, to pin that the server is never asked.
"""
from __future__ import annotations

import numpy as np
import pytest

from chromadb.errors import (
    ChromaError,
    DuplicateIDError,
    InternalError,
    InvalidArgumentError,
    NotFoundError,
)


@pytest.fixture
def col(client, name):
    c = client.create_collection(name, embedding_function=None)
    c.add(ids=["a", "b"], embeddings=np.array([[1, 2, 3], [4, 5, 6]], dtype=np.float32), documents=["x", "y"])
    yield c
    client.delete_collection(name)


def test_missing_collection_is_not_found(client, name):
    with pytest.raises(NotFoundError, match=rf"Collection \[{name}\] does not exist"):
        client.get_collection(name)
    with pytest.raises(NotFoundError, match=rf"Collection \[{name}\] does not exist"):
        client.delete_collection(name)


def test_operations_on_a_deleted_collection_are_not_found(client, name):
    c = client.create_collection(name, embedding_function=None)
    client.delete_collection(name)
    for op in (
        lambda: c.add(ids=["a"], embeddings=[[1.0]]),
        lambda: c.get(),
        lambda: c.query(query_embeddings=[[1.0]]),
        lambda: c.count(),
    ):
        with pytest.raises(NotFoundError):
            op()


def test_missing_tenant_and_database_are_not_found(admin, name):
    with pytest.raises(NotFoundError, match=rf"Tenant \[{name}\] not found"):
        admin.get_tenant(name)
    admin.create_tenant(name)
    with pytest.raises(NotFoundError, match=r"Database \[no-such-db\] not found"):
        admin.get_database("no-such-db", tenant=name)


@pytest.mark.parametrize("bad", ["a", "bad name!!", "-starts-with-dash", "x" * 513])
def test_invalid_collection_names_are_invalid_arguments(client, bad):
    with pytest.raises(InvalidArgumentError, match="Expected a name containing 3-512 characters"):
        client.create_collection(bad)


def test_invalid_database_name_is_an_invalid_argument(admin, name):
    admin.create_tenant(name)
    with pytest.raises(InvalidArgumentError, match="Expected a name containing 3-512 characters"):
        admin.create_database("d", tenant=name)


def test_dimension_mismatch_is_an_invalid_argument(col):
    with pytest.raises(InvalidArgumentError, match="Collection expecting embedding with dimension of 3, got 2"):
        col.add(ids=["c"], embeddings=[[1.0, 2.0]])
    with pytest.raises(InvalidArgumentError, match="Collection expecting embedding with dimension of 3, got 2"):
        col.query(query_embeddings=[[1.0, 2.0]], n_results=1)
    with pytest.raises(InvalidArgumentError, match="Collection expecting embedding with dimension of 3, got 4"):
        col.upsert(ids=["a"], embeddings=[[1.0, 2.0, 3.0, 4.0]])
    assert col.count() == 2


def test_an_invalid_regex_is_an_invalid_argument(col):
    with pytest.raises(InvalidArgumentError, match="unclosed group"):
        col.get(where_document={"$regex": "("})


def test_an_invalid_hnsw_space_is_refused(client, name):
    with pytest.raises(InvalidArgumentError):
        client.create_collection(name, metadata={"hnsw:space": "foo"}, embedding_function=None)
    with pytest.raises(ChromaError, match="foo"):
        client.create_collection(name, configuration={"hnsw": {"space": "foo"}}, embedding_function=None)
    with pytest.raises(NotFoundError):
        client.get_collection(name)


def test_client_side_validation_never_reaches_the_server(col):
    with pytest.raises(DuplicateIDError):
        col.add(ids=["z", "z"], embeddings=[[1, 2, 3], [1, 2, 3]])
    with pytest.raises(ValueError, match="Unequal lengths"):
        col.add(ids=["q", "r"], embeddings=[[1, 2, 3]])
    with pytest.raises(ValueError, match="Expected where operator"):
        col.get(where={"k": {"$foo": 1}})
    with pytest.raises(ValueError, match="where document"):
        col.get(where_document={"$contains": 5})
    with pytest.raises(TypeError, match="Number of requested results 0"):
        col.query(query_embeddings=[[1, 2, 3]], n_results=0)
    assert col.count() == 2


@pytest.mark.known_difference("renaming onto an existing name answers 409 UniqueConstraintError; Chroma 1.x answers 500 leaking SQLite's message")
def test_renaming_onto_an_existing_name_is_a_unique_constraint_error(client, name):
    from chromadb.errors import UniqueConstraintError

    client.create_collection(name + "-taken", embedding_function=None)
    c = client.create_collection(name, embedding_function=None)
    with pytest.raises(UniqueConstraintError, match="already exists"):
        c.modify(name=name + "-taken")
    assert client.get_collection(name).name == name
    client.delete_collection(name)
    client.delete_collection(name + "-taken")


def test_errors_are_chroma_errors_not_internal_errors(client, col):
    """Every refusal above is a ChromaError a user can catch, and none is an InternalError (a 5xx)."""
    cases = [
        lambda: client.get_collection("no-such-collection-xyz"),
        lambda: col.add(ids=["c"], embeddings=[[1.0, 2.0]]),
        lambda: col.get(where_document={"$regex": "["}),
    ]
    for case in cases:
        with pytest.raises(ChromaError) as info:
            case()
        assert not isinstance(info.value, InternalError)
        assert str(info.value)


def test_a_batch_above_max_batch_size_is_refused_by_the_client(client, col):
    n = client.get_max_batch_size() + 1
    with pytest.raises(ValueError, match="exceeds maximum batch size"):
        col.add(ids=[f"id-{i}" for i in range(n)], embeddings=np.zeros((n, 3), dtype=np.float32))
    assert col.count() == 2
