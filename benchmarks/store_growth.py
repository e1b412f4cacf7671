"""Adding one article to a large folder store against an empty one; stats and ready queries.

    kg build -q seeds ../shared/eval-dev/articles ../shared/eval-dev/ntrex/articles -o /tmp/st \
        --export --no-html
    python benchmarks/replicate_store.py /tmp/st/graph.trig 1000 /tmp/st1000
    python benchmarks/store_growth.py /tmp/st1000 seeds/000_37acdb231196126e.txt [RUNS]

The N-article folder (a replicated ``graph.trig``) is migrated into an Oxigraph store
first (timed apart). Then, interleaved RUNS times: ``kg build -q ARTICLE`` (a copy
with a new name, so each run adds an article) into an empty folder and into the
N-article store, whole command, wall clock; ``kg stats`` on the big store; and each
ready query in-process (``kg.query.run`` + writing all rows, the store already open).
Prints min / median / max seconds.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KG = [sys.executable, "-c", "from kg.cli import main; main()"]
PARAMS = {
    "timeline": {"actor": "Russia"},
    "statements-of-article": {"doc": "nl-d01-c1"},
    "trace": {"subject": "Russia"},
}


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def spread(values: list[float]) -> str:
    return f"{min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f} s"


def main() -> None:
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    big, article = Path(sys.argv[1]), Path(sys.argv[2])
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    work = Path(tempfile.mkdtemp(prefix="geokg-growth-"))
    start = time.perf_counter()
    subprocess.run([*KG, "stats", "--store", str(big)], check=True, stdout=subprocess.DEVNULL)
    print(f"migrate {big}/graph.trig + first stats: {time.perf_counter() - start:.2f} s")
    empty_times, big_times, stats_times = [], [], []
    for run in range(runs):
        copy = work / f"bench-{run}{article.suffix}"
        shutil.copy(article, copy)
        empty = work / f"empty-{run}"
        empty_times.append(timed([*KG, "build", "-q", str(copy), "-o", str(empty)]))
        big_times.append(timed([*KG, "build", "-q", str(copy), "-o", str(big)]))
        stats_times.append(timed([*KG, "stats", "--store", str(big)]))
    print(f"kg build 1 article into an empty store: {spread(empty_times)}")
    print(f"kg build 1 article into {big}: {spread(big_times)}")
    print(f"ratio of medians: {statistics.median(big_times) / statistics.median(empty_times):.2f}")
    print(f"kg stats on {big}: {spread(stats_times)}")

    import io

    from kg import query, store

    with store.reading(big) as dataset:
        for name, text in query.ready_queries().items():
            times = []
            for _ in range(max(runs, 3)):
                began = time.perf_counter()
                sink = io.StringIO()
                query.write_result(
                    query.run(dataset, text, params=PARAMS.get(name, {})), "csv", sink
                )
                times.append(time.perf_counter() - began)
            rows = sink.getvalue().count("\n") - 1
            print(f"ready query {name}: {spread(times)} ({rows} rows)")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
