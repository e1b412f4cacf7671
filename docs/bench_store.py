"""Measure the store back-ends geokg could persist to (see docs/STORE.md).

Run: python docs/bench_store.py [STATEMENTS ...]   (default: 40 10000)

For each size it builds article graphs from generated records, then times and
the peak resident memory (ru_maxrss, whole process, Rust included) of: add all articles,
save, open again, and a ready query (timeline), for
  - an in-memory rdflib Dataset saved atomically as TriG,
  - the same saved as N-Quads,
  - Oxigraph through oxrdflib (on-disk RocksDB folder).
Each back-end runs in its own process so memory figures do not mix.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import platform
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from kg import vocab
from kg.records import Actor, Document, Relation


def records(statements: int, per_article: int = 20) -> list[tuple[Document, list[Relation]]]:
    rnd = random.Random(7)
    actors = [
        Actor(
            f"actor_{i}",
            f"Actor {i}",
            rnd.choice(["Person", "State", "Organization"]),
            name_nl=f"Actor {i} (nl)",
            wikidata=f"Q{1000 + i}",
        )
        for i in range(max(20, statements // 25))
    ]
    names = vocab.relations()
    out = []
    for a in range(0, statements, per_article):
        doc = Document(
            f"doc{a // per_article:05d}",
            "x" * 2000,
            "nl",
            date="2024-03-01",
            source=f"seeds/doc{a}.txt",
            title=f"Article {a}",
        )
        rels = []
        for i in range(a, min(a + per_article, statements)):
            s, o = rnd.sample(actors, 2)
            rels.append(
                Relation(
                    doc.id,
                    f"Sentence number {i} about {s.name}.",
                    s,
                    rnd.choice(names),
                    o,
                    date=f"2024-03-{1 + i % 28:02d}",
                    negated=i % 11 == 0,
                    hedged=i % 7 == 0,
                    confidence=0.8,
                    start=i * 40,
                    end=i * 40 + 39,
                    trigger="meets",
                )
            )
        out.append((doc, rels))
    return out


TIMELINE = """SELECT ?date ?rel ?other WHERE { GRAPH ?g { ?a rdfs:label "Actor 3"@en .
  ?st rdf:subject ?a ; rdf:predicate ?rel ; rdf:object ?other . OPTIONAL { ?st kg:date ?date }
  } } ORDER BY ?date"""


def run(backend: str, statements: int, queue: mp.Queue) -> None:
    from rdflib import Dataset

    from kg import store

    data = records(statements)
    tmp = Path(tempfile.mkdtemp())
    result: dict[str, float | int | str] = {"backend": backend, "statements": statements}
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t = time.perf_counter()
    if backend == "oxigraph":
        ds = Dataset(store="Oxigraph")
        ds.open(str(tmp / "oxi"))
        for doc, rels in data:
            g = store.article_graph(doc, rels)
            ds.remove_graph(g.identifier)
            ds.addN((s, p, o, ds.graph(g.identifier)) for s, p, o in g)
    else:
        ds = store.new_dataset()
        for doc, rels in data:
            store.add_article(ds, doc, rels)
    result["add_s"] = time.perf_counter() - t
    result["quads"] = len(list(ds.quads((None, None, None, None))))
    spec = tmp / ("graph.nq" if backend == "nquads" else "graph.trig")
    t = time.perf_counter()
    if backend == "oxigraph":
        ds.close()
    else:
        store.save(ds, spec)
    result["save_s"] = time.perf_counter() - t
    del ds
    t = time.perf_counter()
    if backend == "oxigraph":
        ds = Dataset(store="Oxigraph")
        ds.open(str(tmp / "oxi"))
    else:
        ds = store.open_store(spec)
    result["open_s"] = time.perf_counter() - t
    t = time.perf_counter()
    rows = list(ds.query(TIMELINE, initNs=vocab.PREFIXES))
    result["query_s"] = time.perf_counter() - t
    result["query_rows"] = len(rows)
    t = time.perf_counter()  # again: the first rdflib query pays for building its parser
    list(ds.query(TIMELINE, initNs=vocab.PREFIXES))
    result["query2_s"] = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["peak_rss_MiB"] = peak
    result["peak_over_start_MiB"] = peak - rss0
    size = sum(f.stat().st_size for f in tmp.rglob("*") if f.is_file())
    result["disk_MiB"] = size / 2**20
    queue.put(result)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [40, 10000]
    print(f"# {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    for n in sizes:
        for backend in ("trig", "nquads", "oxigraph"):
            queue: mp.Queue = mp.Queue()
            proc = mp.Process(target=run, args=(backend, n, queue))
            proc.start()
            proc.join()
            res = queue.get()
            print(
                json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in res.items()})
            )


if __name__ == "__main__":
    main()
