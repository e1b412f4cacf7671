"""Dask throughput: a build on a LocalCluster of 2 worker processes against in-process.

python benchmarks/make_corpus.py 100 /tmp/c100.jsonl
python benchmarks/dask_throughput.py /tmp/c100.jsonl
"""

from __future__ import annotations

import sys
import time

from distributed import LocalCluster

from kg.pipeline import build

src = sys.argv[1]
words = sum(len(l.split()) for l in open(src))
if __name__ == "__main__":
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as c:
        build([src], scheduler=c.scheduler_address)  # warm the workers' pipelines
        t = time.perf_counter()
        ds = build([src], scheduler=c.scheduler_address)
        d = time.perf_counter() - t
        print(f"dask 2 workers: {d:.1f} s, {words / d:.0f} words/s")
    t = time.perf_counter()
    build([src])
    d = time.perf_counter() - t
    print(f"in process: {d:.1f} s, {words / d:.0f} words/s")
