"""
Issue 17 item 3: the collection configuration and schema behaviour the Python client relies on,
as the single-node reference (Chroma 1.3.x) does it.
"""
from __future__ import annotations

import numpy as np
import pytest

from chromadb.api.types import IntInvertedIndexConfig, Schema, StringInvertedIndexConfig
from chromadb.errors import ChromaError, InvalidArgumentError

from support import RECORDS, assert_nearest, columns


def hnsw(client, name: str) -> dict:
    return client.get_collection(name, embedding_function=None).configuration_json["hnsw"]


def vector_index_hnsw(client, name: str) -> dict:
    schema = client.get_collection(name, embedding_function=None).schema.serialize_to_json()
    return schema["defaults"]["float_list"]["vector_index"]["config"]["hnsw"]


@pytest.mark.parametrize(
    "key, value, echoed",
    [
        ("ef_search", 55, True),
        ("sync_threshold", 2500, True),
        ("resize_factor", 1.5, True),
        ("num_threads", 3, False),
        ("batch_size", 250, False),
    ],
)
def test_modify_updates_an_updatable_hnsw_parameter(client, name, key, value, echoed):
    col = client.create_collection(name, embedding_function=None)
    col.add(**columns(RECORDS))
    col.modify(configuration={"hnsw": {key: value}})
    # configuration_json shows the parameters upstream echoes there; the schema shows them all
    if echoed:
        assert hnsw(client, name)[key] == value
    assert vector_index_hnsw(client, name)[key] == value
    # the other parameters are untouched and the records still answer queries
    assert hnsw(client, name)["space"] == "l2" and hnsw(client, name)["ef_construction"] == 100
    q = np.array([0.5, 0.25, -0.5, 1.0], dtype=np.float32)
    res = client.get_collection(name, embedding_function=None).query(query_embeddings=[q], n_results=3, include=["distances"])
    assert_nearest(res["ids"][0], res["distances"][0], RECORDS, q, "l2")
    client.delete_collection(name)


@pytest.mark.parametrize(
    "key, value",
    [
        ("ef_construction", 200),
        ("space", "ip"),
        pytest.param(
            "max_neighbors",
            32,
            marks=pytest.mark.known_difference("max_neighbors cannot change after creation (422); Chroma 1.x accepts it"),
        ),
    ],
)
def test_modify_refuses_a_fixed_hnsw_parameter(client, name, key, value):
    col = client.create_collection(name, embedding_function=None)
    before = hnsw(client, name)
    with pytest.raises(ChromaError, match=key):
        col.modify(configuration={"hnsw": {key: value}})
    assert hnsw(client, name) == before


def test_legacy_hnsw_metadata_maps_onto_configuration(client, name):
    meta = {
        "hnsw:space": "cosine",
        "hnsw:construction_ef": 50,
        "hnsw:search_ef": 20,
        "hnsw:M": 8,
        "hnsw:sync_threshold": 1500,
        "hnsw:resize_factor": 1.4,
        "owner": "legacy",
    }
    col = client.create_collection(name, metadata=meta, embedding_function=None)
    assert hnsw(client, name) == {
        "space": "cosine",
        "ef_construction": 50,
        "ef_search": 20,
        "max_neighbors": 8,
        "resize_factor": 1.4,
        "sync_threshold": 1500,
    }
    assert client.get_collection(name).metadata == meta  # the keys stay in the metadata too
    col.add(**columns(RECORDS))
    q = np.array([1.0, -0.5, 0.25, 0.75], dtype=np.float32)
    res = col.query(query_embeddings=[q], n_results=4, include=["distances"])
    assert_nearest(res["ids"][0], res["distances"][0], RECORDS, q, "cosine")
    client.delete_collection(name)


def test_spann_configuration_is_served_as_hnsw_with_its_space(client, name):
    col = client.create_collection(
        name, configuration={"spann": {"space": "ip", "search_nprobe": 16, "ef_construction": 120}}, embedding_function=None
    )
    got = client.get_collection(name, embedding_function=None).configuration_json
    assert got["spann"] is None
    assert got["hnsw"]["space"] == "ip"
    col.add(**columns(RECORDS))
    q = np.array([0.25, 1.0, -1.0, 0.5], dtype=np.float32)
    res = col.query(query_embeddings=[q], n_results=5, include=["distances"])
    assert_nearest(res["ids"][0], res["distances"][0], RECORDS, q, "ip")
    client.delete_collection(name)


def test_invalid_spann_configuration_is_refused(client, name):
    with pytest.raises(ChromaError):
        client.create_collection(name, configuration={"spann": {"search_nprobe": "many"}}, embedding_function=None)
    with pytest.raises(ChromaError):
        client.create_collection(name, configuration={"spann": {"space": "hamming"}}, embedding_function=None)


def test_schema_and_configuration_both_given_conflict(client, name):
    schema = Schema().delete_index(config=StringInvertedIndexConfig(), key="secret")
    with pytest.raises(InvalidArgumentError):
        client.create_collection(name, schema=schema, configuration={"hnsw": {"ef_search": 50}}, embedding_function=None)


EF_A = {"type": "known", "name": "default", "config": {}}
EF_B = {"type": "known", "name": "openai", "config": {"model_name": "text-embedding-3-small"}}
EF_C = {"type": "known", "name": "cohere", "config": {"model_name": "embed-english-v3.0"}}
COLLECTIONS = "/tenants/default_tenant/databases/default_database/collections"


def schema_with_ef(ef: dict) -> dict:
    return {"defaults": {}, "keys": {"#embedding": {"float_list": {"vector_index": {"enabled": True, "config": {"embedding_function": ef}}}}}}


def test_an_embedding_function_in_the_schema_with_hnsw_configuration_is_refused(client, name):
    body = {"name": name, "configuration": {"hnsw": {"ef_search": 20}, "embedding_function": EF_A}, "schema": schema_with_ef(EF_B)}
    with pytest.raises(InvalidArgumentError, match="Cannot set both collection config and schema"):
        client._server._make_request("post", COLLECTIONS, json=body)


def test_conflicting_embedding_functions_in_schema_and_configuration_are_refused(client, name):
    body = {"name": name, "configuration": {"embedding_function": EF_C}, "schema": schema_with_ef(EF_B)}
    with pytest.raises(InvalidArgumentError, match="Cannot set both collection config and schema"):
        client._server._make_request("post", COLLECTIONS, json=body)


def test_the_clients_default_embedding_function_gives_way_to_the_schemas(client, name):
    # create_collection(schema=...) without an embedding_function argument sends the client's default
    # one in the configuration; the schema's is the one kept, as Chroma 1.3.x.
    body = {"name": name, "configuration": {"embedding_function": EF_A}, "schema": schema_with_ef(EF_B)}
    created = client._server._make_request("post", COLLECTIONS, json=body)
    got = client._server._make_request("get", f"{COLLECTIONS}/{name}")
    for answer in (created, got):
        assert answer["configuration_json"]["embedding_function"] == EF_B
        assert answer["schema"]["keys"]["#embedding"]["float_list"]["vector_index"]["config"]["embedding_function"] == EF_B


@pytest.mark.parametrize(
    "config, key, value, where",
    [
        (StringInvertedIndexConfig(), "secret", "x", {"secret": "x"}),
        (IntInvertedIndexConfig(), "level", 3, {"level": {"$gt": 1}}),
    ],
)
def test_a_key_whose_inverted_index_is_disabled_cannot_be_filtered_on(client, name, config, key, value, where):
    col = client.create_collection(name, schema=Schema().delete_index(config=config, key=key), embedding_function=None)
    col.add(ids=["a", "b"], embeddings=[[1.0, 2.0], [3.0, 4.0]], metadatas=[{key: value, "open": "y"}, {"open": "y"}])
    message = f"Cannot filter using metadata key '{key}'"
    with pytest.raises(InvalidArgumentError, match=message):
        col.get(where=where)
    with pytest.raises(InvalidArgumentError, match=message):
        col.query(query_embeddings=[[1.0, 2.0]], where=where)
    with pytest.raises(InvalidArgumentError, match=message):
        col.delete(where=where)
    assert col.count() == 2
    # the value is still stored and returned, and other keys filter as usual
    assert col.get(ids=["a"])["metadatas"][0][key] == value
    assert sorted(col.get(where={"open": "y"}, include=[])["ids"]) == ["a", "b"]
    client.delete_collection(name)


def test_a_recreated_collection_starts_from_a_fresh_schema(client, name):
    client.create_collection(name, schema=Schema().delete_index(config=StringInvertedIndexConfig(), key="secret"), embedding_function=None)
    client.delete_collection(name)
    col = client.create_collection(name, embedding_function=None)
    col.add(ids=["a", "b"], embeddings=[[1.0, 2.0], [3.0, 4.0]], metadatas=[{"secret": "x"}, {"secret": "z"}])
    assert col.get(where={"secret": "x"}, include=[])["ids"] == ["a"]
    keys = col.schema.serialize_to_json()["keys"]
    assert keys.get("secret", {}).get("string", {}).get("string_inverted_index", {}).get("enabled", True) is True
    client.delete_collection(name)


def test_the_schema_describes_the_defaults(client, name):
    client.create_collection(name, embedding_function=None)
    schema = client.get_collection(name, embedding_function=None).schema.serialize_to_json()
    defaults = schema["defaults"]
    assert defaults["string"]["string_inverted_index"]["enabled"] is True
    assert defaults["string"]["fts_index"]["enabled"] is False
    assert defaults["int"]["int_inverted_index"]["enabled"] is True
    assert defaults["float"]["float_inverted_index"]["enabled"] is True
    assert defaults["bool"]["bool_inverted_index"]["enabled"] is True
    assert schema["keys"]["#document"]["string"]["fts_index"]["enabled"] is True
    assert schema["keys"]["#embedding"]["float_list"]["vector_index"]["enabled"] is True
    client.delete_collection(name)
