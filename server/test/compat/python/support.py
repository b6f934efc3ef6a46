"""
Test data and the small models the suite checks the server against: a fixed record set, a
where / where_document evaluator, brute-force nearest neighbours and a deterministic embedding
function (the client's default one downloads a model, which this project cannot do).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from chromadb.api.types import Documents, EmbeddingFunction, Embeddings

DIM = 4
GROUPS = ("alpha", "beta", "gamma")
WORDS = ("apple", "banana", "cherry", "damson", "elder", "fig")


@dataclass(frozen=True)
class Record:
    id: str
    embedding: np.ndarray
    metadata: dict[str, Any]
    document: str


def make_records(n: int = 18, seed: int = 7) -> list[Record]:
    """n records; embeddings are quarter-steps in [-2, 2] (exact in float32), metadata of every scalar type."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        emb = (rng.integers(-8, 9, size=DIM) / 4.0).astype(np.float32)
        if not emb.any():
            emb[0] = 0.25  # cosine is undefined for a zero vector
        out.append(
            Record(
                id=f"rec-{i:02d}",
                embedding=emb,
                metadata={
                    "group": GROUPS[i % 3],
                    "rank": i,
                    "score": i * 0.5,
                    "even": i % 2 == 0,
                },
                document=f"{WORDS[i % len(WORDS)]} {WORDS[(i * 5 + 1) % len(WORDS)]} number {i}",
            )
        )
    return out


RECORDS = make_records()


def columns(records: list[Record]) -> dict[str, Any]:
    """add()/upsert() keyword arguments for these records, embeddings as one float32 matrix."""
    return {
        "ids": [r.id for r in records],
        "embeddings": np.stack([r.embedding for r in records]),
        "metadatas": [dict(r.metadata) for r in records],
        "documents": [r.document for r in records],
    }


# ---- filters --------------------------------------------------------------------------------

_CMP = {
    "$eq": lambda a, b: a == b,
    "$ne": lambda a, b: a != b,
    "$gt": lambda a, b: a > b,
    "$gte": lambda a, b: a >= b,
    "$lt": lambda a, b: a < b,
    "$lte": lambda a, b: a <= b,
}


def _same_kind(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return True
    return type(a) is type(b)


def matches_where(meta: dict[str, Any] | None, where: dict[str, Any]) -> bool:
    """Chroma's metadata filter semantics (a missing key matches $ne / $nin, as upstream)."""
    meta = meta or {}
    if "$and" in where:
        return all(matches_where(meta, w) for w in where["$and"])
    if "$or" in where:
        return any(matches_where(meta, w) for w in where["$or"])
    (key, cond), = where.items()
    if not isinstance(cond, dict):
        cond = {"$eq": cond}
    (op, operand), = cond.items()
    present = key in meta
    value = meta.get(key)
    if op == "$in":
        return present and any(_same_kind(value, o) and value == o for o in operand)
    if op == "$nin":
        return not present or not any(_same_kind(value, o) and value == o for o in operand)
    if op == "$ne":
        return not present or not _same_kind(value, operand) or value != operand
    return present and _same_kind(value, operand) and _CMP[op](value, operand)


def matches_document(doc: str | None, where_document: dict[str, Any]) -> bool:
    if "$and" in where_document:
        return all(matches_document(doc, w) for w in where_document["$and"])
    if "$or" in where_document:
        return any(matches_document(doc, w) for w in where_document["$or"])
    (op, operand), = where_document.items()
    if op == "$contains":
        return doc is not None and operand in doc
    if op == "$not_contains":
        return doc is None or operand not in doc
    if op == "$regex":
        return doc is not None and re.search(operand, doc) is not None
    if op == "$not_regex":
        return doc is None or re.search(operand, doc) is None
    raise ValueError(op)


def expected_ids(records: list[Record], where: dict | None = None, where_document: dict | None = None) -> list[str]:
    return sorted(
        r.id
        for r in records
        if (where is None or matches_where(r.metadata, where))
        and (where_document is None or matches_document(r.document, where_document))
    )


# ---- distances ------------------------------------------------------------------------------

def distance(space: str, a: np.ndarray, b: np.ndarray) -> float:
    a = a.astype(np.float64)
    b = b.astype(np.float64)
    if space == "l2":
        return float(np.sum((a - b) ** 2))  # Chroma's l2 is the squared distance
    if space == "ip":
        return float(1.0 - np.dot(a, b))
    if space == "cosine":
        return float(1.0 - np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))
    raise ValueError(space)


def nearest(records: list[Record], query: np.ndarray, k: int, space: str) -> list[tuple[str, float]]:
    scored = sorted(((distance(space, query, r.embedding), r.id) for r in records), key=lambda t: (t[0], t[1]))
    return [(rid, d) for d, rid in scored[:k]]


def assert_nearest(ids: list[str], distances: list[float], records: list[Record], query: np.ndarray, space: str) -> None:
    """The server's top-k equals brute force, allowing ties to come in either order."""
    want = nearest(records, query, len(records), space)
    want_d = dict(want)
    assert len(ids) == len(distances)
    np.testing.assert_allclose(distances, [want[i][1] for i in range(len(ids))], rtol=1e-4, atol=1e-5)
    for rid, d in zip(ids, distances):
        assert abs(want_d[rid] - d) <= 1e-4 + 1e-4 * abs(d), (rid, d, want_d[rid])


# ---- embedding function ---------------------------------------------------------------------

def embed_text(text: str, dim: int = DIM) -> np.ndarray:
    """A bag of characters: each code point counted in bucket (code mod dim)."""
    v = np.zeros(dim, dtype=np.float32)
    for ch in text:
        v[ord(ch) % dim] += 1.0
    return v


class HashedChars(EmbeddingFunction[Documents]):
    """Deterministic, model-free; counts the texts it embedded so tests can prove it was used."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, input: Documents) -> Embeddings:
        self.calls.extend(input)
        return [embed_text(t) for t in input]


def assert_embedding(actual, expected) -> None:
    """Stored and returned embeddings agree to float32 precision (cosine spaces may renormalise)."""
    np.testing.assert_allclose(np.asarray(actual, dtype=np.float64), np.asarray(expected, dtype=np.float64), rtol=1e-6, atol=1e-7)
