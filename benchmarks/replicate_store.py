"""Make a large store from a built one, for timing the graph commands.

    kg build -q --no-html seeds ../shared/eval-dev/articles \
        ../shared/eval-dev/ntrex/articles -o /tmp/st
    python benchmarks/replicate_store.py /tmp/st/graph.trig 1000 /tmp/st1000

Each article graph of SOURCE is copied round-robin until COUNT articles exist; a copy's
graph, article and statement IRIs and its identifier get a suffix ``-cN`` (N counts the
copies from 0), so every copy is a distinct article with distinct statements about the same
actors (as a corpus on one topic would be).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_GRAPH_START = re.compile(r"\n(?=<https://w3id\.org/geokg/graph/)")
# Full IRIs (rdflib's TriG) and prefixed names (Oxigraph's TriG: ``id:statement\\/...``),
# and the article's identifier, so that a copy is found by its own id.
_PER_ARTICLE = re.compile(
    r"(geokg/graph/[^>]+|geokg/id/article/[^>]+|geokg/id/statement/[^>]+)(?=>)"
    r"|(id:(?:article|statement)\\/[\w.-]*[\w-])"
    r'|(dcterms:identifier "[^"\\]+)(?=")'
)


def replicate(source: str, count: int) -> str:
    head, *blocks = _GRAPH_START.split(source)
    if not blocks:
        raise SystemExit("error: the source store holds no article graph")
    out = [head]
    for i in range(count):
        block = blocks[i % len(blocks)]
        out.append(_PER_ARTICLE.sub(lambda m, i=i: f"{m.group(0)}-c{i}", block))
    return "\n".join(out) + "\n"


def main() -> None:
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    source, count, target = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    target.mkdir(parents=True, exist_ok=True)
    (target / "graph.trig").write_text(replicate(source.read_text("utf-8"), count), "utf-8")


if __name__ == "__main__":
    main()
