"""AdminClient tenants and databases, and clients bound to them."""
from __future__ import annotations

import pytest

from chromadb.errors import ChromaError, NotFoundError, UniqueConstraintError


def test_tenant_lifecycle(admin, name):
    admin.create_tenant(name)
    assert admin.get_tenant(name)["name"] == name
    with pytest.raises(NotFoundError):
        admin.get_tenant(name + "-missing")


def test_database_lifecycle(admin, name):
    admin.create_tenant(name)
    assert admin.list_databases(tenant=name) == []
    for db in ("db-one", "db-two", "db-three"):
        admin.create_database(db, tenant=name)
    got = admin.get_database("db-two", tenant=name)
    assert got["name"] == "db-two" and got["tenant"] == name and got["id"]
    assert sorted(d["name"] for d in admin.list_databases(tenant=name)) == ["db-one", "db-three", "db-two"]
    page = admin.list_databases(limit=2, offset=1, tenant=name)
    assert len(page) == 2
    admin.delete_database("db-one", tenant=name)
    assert sorted(d["name"] for d in admin.list_databases(tenant=name)) == ["db-three", "db-two"]
    with pytest.raises(NotFoundError):
        admin.get_database("db-one", tenant=name)
    with pytest.raises(NotFoundError):
        admin.delete_database("db-one", tenant=name)


def test_databases_isolate_collections(admin, make_client, name):
    admin.create_tenant(name)
    admin.create_database("left", tenant=name)
    admin.create_database("right", tenant=name)
    left = make_client(tenant=name, database="left")
    right = make_client(tenant=name, database="right")
    a = left.create_collection("shared-name", embedding_function=None)
    b = right.create_collection("shared-name", embedding_function=None)
    assert a.id != b.id
    a.add(ids=["only-left"], embeddings=[[1.0, 0.0]])
    assert b.count() == 0
    assert [c.name for c in right.list_collections()] == ["shared-name"]
    right.delete_collection("shared-name")
    assert left.get_collection("shared-name").count() == 1


def test_set_tenant_and_database_on_a_client(admin, make_client, name):
    admin.create_tenant(name)
    admin.create_database("target-db", tenant=name)
    c = make_client()
    c.set_tenant(name, database="target-db")
    c.create_collection("in-target", embedding_function=None)
    assert [x.name for x in make_client(tenant=name, database="target-db").list_collections()] == ["in-target"]


def test_a_client_on_a_missing_tenant_or_database_fails_at_once(admin, make_client, name):
    with pytest.raises(NotFoundError):
        make_client(tenant=name + "-missing")
    admin.create_tenant(name)
    with pytest.raises(NotFoundError):
        make_client(tenant=name, database="no-such-db")


def test_duplicate_tenant_and_database_are_refused(admin, name):
    admin.create_tenant(name)
    with pytest.raises(ChromaError, match="already exists"):
        admin.create_tenant(name)
    admin.create_database("twice", tenant=name)
    with pytest.raises(ChromaError, match="already exists"):
        admin.create_database("twice", tenant=name)


@pytest.mark.known_difference("409 is named UniqueConstraintError; Chroma 1.x names it ChromaError")
def test_duplicates_raise_unique_constraint_error(admin, client, name):
    admin.create_tenant(name)
    with pytest.raises(UniqueConstraintError):
        admin.create_tenant(name)
    admin.create_database("twice", tenant=name)
    with pytest.raises(UniqueConstraintError):
        admin.create_database("twice", tenant=name)
    client.create_collection(name, embedding_function=None)
    with pytest.raises(UniqueConstraintError):
        client.create_collection(name, embedding_function=None)
    client.delete_collection(name)


def test_a_database_in_an_unknown_tenant_is_created_as_chroma_1x(admin, name):
    # Chroma 1.x creates the database without checking its tenant (the tenant itself stays unknown).
    tenant = name + "-missing"
    admin.create_database("orphan-db", tenant=tenant)
    got = admin.get_database("orphan-db", tenant=tenant)
    assert got["name"] == "orphan-db" and got["tenant"] == tenant
    with pytest.raises(NotFoundError):
        admin.get_tenant(tenant)
