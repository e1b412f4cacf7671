"""Extraction against bare ``nlp.pipe``, in words per second, in one process.

    python benchmarks/extraction_speed.py /tmp/corp2            # speed, 3 rounds
    python benchmarks/extraction_speed.py /tmp/corp2 --profile  # cProfile of extraction

Both pipelines, the gazetteer and the lexicon are loaded and warmed before timing.
The rounds interleave the two measurements, so that other load on a shared
machine falls on both alike.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import time

from kg.ingest import iter_articles
from kg.nlp import load
from kg.pipeline import extract_articles


def bare(documents) -> None:
    for lang in ("nl", "en"):
        texts = [d.text for d in documents if d.lang == lang]
        for _doc in load(lang).pipe(texts, batch_size=16):
            pass


def extraction(folder: str) -> None:
    for _ in extract_articles([folder]):
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    documents = list(iter_articles([args.folder]))
    words = sum(len(d.text.split()) for d in documents)
    extraction(args.folder)  # warm: pipelines, gazetteer, matchers
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(extraction, args.folder)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(45)
        pstats.Stats(profile).sort_stats("tottime").print_stats(30)
        return
    rates: dict[str, list[float]] = {"bare nlp.pipe": [], "extraction": []}
    for _ in range(args.rounds):
        for name, run in (
            ("bare nlp.pipe", lambda: bare(documents)),
            ("extraction", lambda: extraction(args.folder)),
        ):
            began = time.perf_counter()
            run()
            rates[name].append(words / (time.perf_counter() - began))
    print(f"{len(documents)} articles, {words} words")
    for name, values in rates.items():
        low, mid, high = min(values), statistics.median(values), max(values)
        print(f"{name:14} {low:8.0f} / {mid:8.0f} / {high:8.0f} words/s (min/median/max)")
    ratios = [e / b for e, b in zip(rates["extraction"], rates["bare nlp.pipe"], strict=True)]
    print(f"ratio per round: {', '.join(f'{r:.2f}' for r in ratios)}")


if __name__ == "__main__":
    main()
