"""Time the ready queries (ontology/queries/*.rq) on a store, in-process.

    python benchmarks/replicate_store.py /tmp/st/graph.trig 10000 /tmp/st10000
    python benchmarks/ready_queries.py /tmp/st10000 [--runs 5] [--queries DIR]

Each query runs with the parameters below on the open store (``kg.query.run`` and all
rows written as csv, as ``kg query --name`` does); prints min / median / max seconds and
the row count. ``--queries DIR`` times the ``*.rq`` files of DIR instead (e.g. an older
version of the queries, for a side-by-side comparison).
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from pathlib import Path

from kg import query, store

PARAMS = {
    "timeline": {"actor": "Russia"},
    "statements-of-article": {"doc": "nl-d01-c1"},
    "trace": {"subject": "Russia"},
}


def spread(values: list[float]) -> str:
    return f"{min(values):.3f} / {statistics.median(values):.3f} / {max(values):.3f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--queries", type=Path, help="a folder of .rq files to time instead")
    parser.add_argument("--only", help="time only this query")
    args = parser.parse_args()
    if args.queries:
        texts = {p.stem: p.read_text("utf-8") for p in sorted(args.queries.glob("*.rq"))}
    else:
        texts = query.ready_queries()
    with store.reading(args.store) as dataset:
        for name, text in texts.items():
            if args.only and name != args.only:
                continue
            times, sink = [], io.StringIO()
            for _ in range(args.runs):
                began = time.perf_counter()
                sink = io.StringIO()
                result = query.run(dataset, text, params=PARAMS.get(name, {}))
                query.write_result(result, "csv", sink)
                times.append(time.perf_counter() - began)
            rows = sink.getvalue().count("\n") - 1
            print(f"{name}: {spread(times)} ({rows} rows)", flush=True)


if __name__ == "__main__":
    main()
