"""Dask throughput: a build on a LocalCluster of 2 worker processes against in-process.

    python benchmarks/make_corpus.py 100 /tmp/c100.jsonl
    python benchmarks/dask_throughput.py /tmp/c100.jsonl

Words are counted in the JSONL lines by ``str.split``. Both sides load their pipelines
first (a warm-up build on the cluster; the in-process build runs after it).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from distributed import LocalCluster

from kg.pipeline import build


def main() -> None:
    source = sys.argv[1]
    words = len(Path(source).read_text("utf-8").split())
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        build([source], scheduler=cluster.scheduler_address)  # warm the workers' pipelines
        began = time.perf_counter()
        build([source], scheduler=cluster.scheduler_address)
        took = time.perf_counter() - began
        print(f"dask, 2 workers: {took:.1f} s, {words / took:.0f} words/s")
    began = time.perf_counter()
    build([source])
    took = time.perf_counter() - began
    print(f"in process: {took:.1f} s, {words / took:.0f} words/s")


if __name__ == "__main__":
    main()
