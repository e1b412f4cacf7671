"""Measure `kg serve` choices (see docs/STORE.md): Oxigraph server against rdflib's engine.

Run: python docs/bench_serve.py [STATEMENTS]   (default 10000)

Oxigraph: time to load the store into a fresh folder and answer, then the
latency of the ready timeline query over HTTP (SPARQLWrapper). rdflib: the same
query in-process, the engine rdflib-endpoint would run behind its HTTP layer
(so its real latency is this plus HTTP overhead).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from SPARQLWrapper import JSON, SPARQLWrapper

sys.path.insert(0, str(Path(__file__).parent))
from bench_store import records

from kg import query, serve, store


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    ds = store.new_dataset()
    for doc, rels in records(n):
        store.add_article(ds, doc, rels)
    text = query.ready_query("timeline")
    t = time.perf_counter()
    server = serve.start(ds, timeout=120)
    up = time.perf_counter() - t
    try:
        client = SPARQLWrapper(server.url)
        client.setReturnFormat(JSON)
        client.setQuery(query.standalone(text, {"actor": "Actor 3"}))
        times = []
        for _ in range(5):
            t = time.perf_counter()
            rows = len(client.query().convert()["results"]["bindings"])
            times.append(time.perf_counter() - t)
    finally:
        server.stop()
    print(
        f"oxigraph: {n} statements, load+start {up:.2f} s, timeline {min(times):.3f} s "
        f"(best of 5), {rows} rows"
    )
    times = []
    for _ in range(3):
        t = time.perf_counter()
        rows = len(list(query.run(ds, text, params={"actor": "Actor 3"})))
        times.append(time.perf_counter() - t)
    print(f"rdflib:   {n} statements, timeline {min(times):.3f} s (best of 3), {rows} rows")


if __name__ == "__main__":
    main()
