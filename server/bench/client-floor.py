"""The Python side of bench/client-floor.ts: the same queries (k=10, include distances) from the
official Python client (chromadb 1.3.5 over httpx) and from a bare httpx.Client, to both servers
and the bare node:http floor, in interleaved rounds. Reads floor.json that client-floor.ts wrote
with --py-dir DIR --keep (its servers stay up meanwhile):

    /work/shared/python-client/py python3 DIR/client-floor.py DIR/floor.json [rounds] [per_round]

(The script must sit in DIR: py mounts the script's folder into its root.) Prints per cell the
p50 in ms and the client's own CPU per request (time.process_time).
"""
import json
import statistics
import sys
import time
from urllib.parse import urlparse

import chromadb
import httpx

spec = json.load(open(sys.argv[1]))
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 10
per_round = int(sys.argv[3]) if len(sys.argv) > 3 else 50
vectors = spec["vectors"]
bodies = [json.dumps({"query_embeddings": [v], "n_results": 10, "include": ["distances"]}) for v in vectors]


def official(url):
    u = urlparse(url)
    return chromadb.HttpClient(host=u.hostname, port=u.port).get_collection(spec["name"], embedding_function=None)


cols = {"ours": official(spec["ours"]), "ref": official(spec["reference"])}
raw = {url: httpx.Client(base_url=url) for url in [spec["ours"], spec["reference"]] + [f["url"] for f in spec["floors"]]}
node_floor = [f for f in spec["floors"] if f["name"] == "node:http"][0]["url"]


def raw_query(url, path):
    def send(i):
        r = raw[url].post(path, content=bodies[i % len(bodies)], headers={"content-type": "application/json"})
        return r.json()
    return send


cells = [
    ("httpx", "node:http", raw_query(node_floor, spec["queryPathOurs"])),
    ("httpx", "ours hb", lambda i: raw[spec["ours"]].get("/api/v2/heartbeat").json()),
    ("httpx", "ours q", raw_query(spec["ours"], spec["queryPathOurs"])),
    ("httpx", "ref hb", lambda i: raw[spec["reference"]].get("/api/v2/heartbeat").json()),
    ("httpx", "ref q", raw_query(spec["reference"], spec["queryPathRef"])),
    ("chromadb", "ours q", lambda i: cols["ours"].query(query_embeddings=[vectors[i % len(vectors)]], n_results=10, include=["distances"])),
    ("chromadb", "ref q", lambda i: cols["ref"].query(query_embeddings=[vectors[i % len(vectors)]], n_results=10, include=["distances"])),
]
ms = {c[:2]: [] for c in cells}
cpu = {c[:2]: 0.0 for c in cells}
for _, _, send in cells:
    for i in range(30):
        send(i)
for r in range(rounds):
    for client, target, send in cells:
        c0 = time.process_time()
        for i in range(per_round):
            t = time.perf_counter()
            send(r * per_round + i)
            ms[(client, target)].append((time.perf_counter() - t) * 1000)
        cpu[(client, target)] += (time.process_time() - c0) * 1000
targets = ["node:http", "ours hb", "ours q", "ref hb", "ref q"]
print(f"python: {rounds} x {per_round} sequential requests per cell, interleaved; p50 ms (client CPU ms per request)")
print("client".ljust(10) + "".join(t.rjust(18) for t in targets))
for client in ["httpx", "chromadb"]:
    line = client.ljust(10)
    for t in targets:
        k = (client, t)
        line += (f"{statistics.median(ms[k]):.3f} ({cpu[k] / len(ms[k]):.3f})" if k in ms else "-").rjust(18)
    print(line)
