"""
Issue 17 item 4: what the Python client surfaces from an error response. The 1.3.5 client turns
the body's "error" name into the exception class, its "message" into str(exception), and the
`chroma-trace-id` response header into `exception.trace_id` (or into the text of the plain
Exception it raises for names it does not know). Upstream sends the header with every error.
"""
from __future__ import annotations

import re

import httpx
import numpy as np
import pytest

from chromadb.errors import ChromaError, InvalidArgumentError, NotFoundError

TRACE_ID = re.compile(r"^[0-9a-f]{32}$")
V2 = "/api/v2/tenants/default_tenant/databases/default_database"
# Issue 17 asks for the header on every response (and in the request's log line); upstream 1.3.x
# sends it only with errors.
ON_SUCCESS = pytest.mark.known_difference("chroma-trace-id on every response; Chroma 1.3.x sends it on errors only")


@pytest.fixture
def col(client, name):
    c = client.create_collection(name, embedding_function=None)
    c.add(ids=["a"], embeddings=[[1.0, 2.0, 3.0]])
    yield c
    client.delete_collection(name)


@pytest.mark.parametrize(
    "case, error_class, message",
    [
        ("missing collection", NotFoundError, r"Collection \[.*\] does not exist"),
        ("dimension", InvalidArgumentError, "Collection expecting embedding with dimension of 3, got 2"),
        ("regex", InvalidArgumentError, "unclosed group"),
        ("missing tenant", NotFoundError, r"Tenant \[.*\] not found"),
    ],
)
def test_client_exceptions_carry_class_message_and_trace_id(client, admin, col, name, case, error_class, message):
    ops = {
        "missing collection": lambda: client.get_collection(name + "-missing"),
        "dimension": lambda: col.add(ids=["b"], embeddings=[[1.0, 2.0]]),
        "regex": lambda: col.get(where_document={"$regex": "("}),
        "missing tenant": lambda: admin.get_tenant(name + "-missing"),
    }
    with pytest.raises(error_class, match=message) as info:
        ops[case]()
    assert type(info.value) is error_class
    assert info.value.trace_id is not None and TRACE_ID.match(info.value.trace_id), info.value.trace_id


def test_a_conflict_carries_a_trace_id(admin, name):
    admin.create_tenant(name)
    with pytest.raises(ChromaError, match="already exists") as info:
        admin.create_tenant(name)
    assert TRACE_ID.match(info.value.trace_id or "")


@pytest.mark.parametrize(
    "method, path, body, status",
    [
        pytest.param("GET", "/api/v2/heartbeat", None, 200, marks=ON_SUCCESS),
        pytest.param("GET", "/api/v2/version", None, 200, marks=ON_SUCCESS),
        pytest.param("GET", f"{V2}/collections", None, 200, marks=ON_SUCCESS),
        ("GET", f"{V2}/collections/no-such-collection", None, 404),
        ("POST", f"{V2}/collections", {"name": "x"}, 400),
        ("POST", f"{V2}/collections", {"nme": 1}, 422),
    ],
)
def test_every_response_has_a_trace_id_header(server_url, method, path, body, status):
    res = httpx.request(method, server_url + path, json=body)
    assert res.status_code == status
    assert TRACE_ID.match(res.headers.get("chroma-trace-id", "")), dict(res.headers)
    if status >= 400:
        payload = res.json()
        assert isinstance(payload["error"], str) and payload["error"]
        assert isinstance(payload["message"], str) and payload["message"]


@ON_SUCCESS
def test_a_successful_write_answers_with_a_trace_id(server_url, col):
    res = httpx.post(f"{server_url}{V2}/collections/{col.id}/add", json={"ids": ["t1"], "embeddings": [[0.0, 1.0, 2.0]]})
    assert res.status_code == 201
    assert TRACE_ID.match(res.headers.get("chroma-trace-id", ""))
    assert col.count() == 2
