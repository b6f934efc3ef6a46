"""
Long form of test_reset.py (issue 17's crash), for minutes of load against a running server:

    shared/python-client/py python3 stress_reset.py URL [--seconds 600] [--threads 8] [--mode reset|delete|mixed]

The server must be started with ALLOW_RESET=TRUE. Each round: reset (or delete the last round's
collection), create one collection, THREADS clients add and query it, then every acknowledged add
is checked. Exits 1 at the first lost record, error or unreachable server; prints one line a round.
"""
from __future__ import annotations

import argparse
import sys
import time
from urllib.parse import urlparse

import chromadb
from chromadb.config import Settings

import test_reset


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("--seconds", type=float, default=600)
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--mode", choices=["reset", "delete", "mixed"], default="mixed")
    args = ap.parse_args()
    u = urlparse(args.url)
    test_reset.THREADS = args.threads

    def make_client():
        return chromadb.HttpClient(host=u.hostname, port=u.port, settings=Settings(allow_reset=True, anonymized_telemetry=False))

    client = make_client()
    deadline = time.monotonic() + args.seconds
    rnd = 0
    total = 0
    while time.monotonic() < deadline:
        start = time.monotonic()
        mode = args.mode if args.mode != "mixed" else ("reset", "delete")[rnd % 2]
        if mode == "reset":
            client.reset()
        cname = f"stress-{rnd}"
        col = client.create_collection(cname, embedding_function=None, configuration={"hnsw": {"space": ("l2", "cosine", "ip")[rnd % 3]}})
        acked = test_reset.load(make_client, cname, rnd, (2, 16, 64)[rnd % 3])
        test_reset.check(col, acked)
        if mode == "delete":
            client.delete_collection(cname)
        total += len(acked)
        print(f"round {rnd} ({mode}): {len(acked)} records checked in {time.monotonic() - start:.1f}s; {total} so far", flush=True)
        rnd += 1
    print(f"survived {rnd} rounds, {total} acknowledged records all read back")
    return 0


if __name__ == "__main__":
    sys.exit(main())
