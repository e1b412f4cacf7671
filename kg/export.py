"""Export the graph: RDF serialisations and, through networkx, GraphML, GEXF and CSV.

Every file is written atomically (temporary file, then ``os.replace``): an
error leaves the old file, or none, never half of one. ``-`` writes to stdout.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from functools import cache
from pathlib import Path
from typing import IO, Any

from rdflib import Dataset, Graph

from kg import vocab
from kg.atomic import atomic_write
from kg.errors import InputError
from kg.resources import ontology_file
from kg.store import snapshot

#: format name -> (rdflib serializer or None for networkx formats, whole dataset?)
FORMATS: dict[str, tuple[str | None, bool]] = {
    "ttl": ("turtle", False),
    "trig": ("trig", True),
    "nt": ("nt", False),
    "nq": ("nquads", True),
    "jsonld": ("json-ld", True),
    "xml": ("xml", False),
    "graphml": (None, False),
    "gexf": (None, False),
    "csv": (None, False),
}
_SUFFIXES = {
    ".ttl": "ttl",
    ".turtle": "ttl",
    ".trig": "trig",
    ".nt": "nt",
    ".nq": "nq",
    ".jsonld": "jsonld",
    ".json": "jsonld",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
    ".graphml": "graphml",
    ".gexf": "gexf",
    ".csv": "csv",
}
#: Columns of the CSV export, one row per statement.
CSV_COLUMNS = (
    "statement",
    "doc",
    "subject",
    "subject_label",
    "relation",
    "object",
    "object_label",
    "date",
    "negated",
    "hedged",
    "confidence",
    "quad",
    "sentence",
    "start",
    "end",
    "trigger",
)


def guess_format(output: str | Path, fmt: str | None = None) -> str:
    """The export format: ``fmt`` if given, else from the output's suffix."""
    if fmt:
        if fmt not in FORMATS:
            raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        return fmt
    suffix = Path(str(output)).suffix.lower()
    if suffix not in _SUFFIXES:
        raise InputError(
            f"cannot tell the format of {output!s} from its suffix; pass --format "
            f"({', '.join(FORMATS)})"
        )
    return _SUFFIXES[suffix]


@cache
def jsonld_context() -> dict[str, Any]:
    """The JSON-LD context of ``ontology/context.jsonld`` (inlined in exports: no fetch needed)."""
    with ontology_file("context.jsonld").open("r", encoding="utf-8") as fh:
        return json.load(fh)["@context"]


def union_graph(dataset: Dataset) -> Graph:
    """All article graphs merged into one Graph (shared actor descriptions collapse)."""
    graph = Graph()
    for prefix, ns in vocab.PREFIXES.items():
        graph.bind(prefix, ns)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def _write_rdf(dataset: Dataset, fmt: str, fh: IO[bytes]) -> None:
    serializer, whole = FORMATS[fmt]
    assert serializer is not None
    target: Graph = dataset if whole else union_graph(dataset)
    if fmt == "jsonld":
        target.serialize(
            fh, format=serializer, encoding="utf-8", context=jsonld_context(), auto_compact=True
        )
    else:
        target.serialize(fh, format=serializer, encoding="utf-8")


def _write_csv(dataset: Dataset, fh: IO[bytes]) -> None:
    from kg.network import to_networkx

    graph = to_networkx(dataset)
    text = io.TextIOWrapper(fh, encoding="utf-8", newline="")
    writer = csv.DictWriter(text, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    rows = []
    for u, v, key, data in graph.edges(keys=True, data=True):
        row = {c: data.get(c, "") for c in CSV_COLUMNS}
        row.update(
            statement=key,
            subject=u,
            object=v,
            subject_label=graph.nodes[u].get("label", ""),
            object_label=graph.nodes[v].get("label", ""),
        )
        rows.append(row)
    writer.writerows(sorted(rows, key=lambda r: (r["doc"], int(r["start"] or 0), r["statement"])))
    text.flush()
    text.detach()


def _write_network(dataset: Dataset, fmt: str, fh: IO[bytes]) -> None:
    import networkx as nx

    from kg.network import to_networkx

    graph = to_networkx(dataset)
    if fmt == "graphml":
        nx.write_graphml(graph, fh)
    else:
        nx.write_gexf(graph, fh)


def write(dataset: Dataset, fmt: str, fh: IO[bytes]) -> None:
    """Serialise ``dataset`` as ``fmt`` into a binary stream."""
    data = snapshot(dataset)
    if fmt == "csv":
        _write_csv(data, fh)
    elif FORMATS[fmt][0] is None:
        _write_network(data, fmt, fh)
    else:
        _write_rdf(data, fmt, fh)


def export(dataset: Dataset, output: str | Path, fmt: str | None = None) -> str:
    """Write ``dataset`` to ``output`` (``-`` = stdout) atomically; returns the format used."""
    if str(output) == "-":
        chosen = fmt or "ttl"
        guess_format(output, chosen)
        buffer = io.BytesIO()
        write(dataset, chosen, buffer)
        sys.stdout.buffer.write(buffer.getvalue())
        sys.stdout.flush()
        return chosen
    chosen = guess_format(output, fmt)
    try:
        with atomic_write(output, "wb", encoding=None) as fh:
            write(dataset, chosen, fh)
    except OSError as err:
        raise InputError(f"cannot write {output}: {err.strerror or err}") from err
    return chosen
