"""Export the graph: RDF serialisations and, through networkx, GraphML, GEXF and CSV.

Every file is written atomically (temporary file, then ``os.replace``): an
error leaves the old file, or none, never half of one. ``-`` writes to stdout.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from functools import cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from rdflib import Dataset, Graph

from kg import vocab
from kg.atomic import atomic_write
from kg.diskstore import dump, native
from kg.errors import InputError
from kg.resources import ontology_file
from kg.store import snapshot

if TYPE_CHECKING:
    import networkx as nx

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
    "rule",
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

    graph = for_network_tools(to_networkx(dataset), dynamic=fmt == "gexf")
    if fmt == "graphml":
        writer = _graphml_writer()
        writer.add_graph_element(graphml_ids(graph))
        writer.dump(fh)
    else:
        nx.write_gexf(graph, fh)


_NOT_NMTOKEN = re.compile(r"[^A-Za-z0-9._:-]")


def nmtoken(iri: str) -> str:
    """An IRI as an XML NMTOKEN (what GraphML's ids must be): geokg's prefix for its
    namespace, ``/`` as ``.``, any other character outside ``A-Za-z0-9._:-`` as ``_``.

    >>> nmtoken("https://w3id.org/geokg/id/new/2019_hanoi_summit")
    'id:new.2019_hanoi_summit'
    """
    for prefix, ns in sorted(vocab.PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns):
            iri = f"{prefix}:{iri[len(ns) :]}"
            break
    return _NOT_NMTOKEN.sub("_", iri.replace("/", "."))


def graphml_ids(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph with node ids and edge keys made NMTOKENs, as the GraphML schema
    wants them; the full IRIs stay in the ``iri`` (node) and ``statement`` (edge)
    attributes."""
    import networkx as nx

    names: dict[str, str] = {}
    taken: set[str] = set()

    def unique(iri: str) -> str:
        if iri not in names:
            base = token = nmtoken(iri)
            number = 1
            while token in taken:
                number += 1
                token = f"{base}-{number}"
            taken.add(token)
            names[iri] = token
        return names[iri]

    out = nx.MultiDiGraph()
    out.graph.update(graph.graph)
    for node, data in graph.nodes(data=True):
        out.add_node(unique(node), **data, iri=node)
    for u, v, key, data in graph.edges(keys=True, data=True):
        out.add_edge(unique(u), unique(v), key=unique(key), **data, statement=key)
    return out


def _graphml_writer():
    """networkx's GraphML writer, with booleans as XML Schema spells them (``true``,
    ``false``; networkx writes Python's ``True``)."""
    from networkx.readwrite.graphml import GraphMLWriter

    class Writer(GraphMLWriter):
        def add_data(self, name, element_type, value, scope="all", default=None):
            element = super().add_data(name, element_type, value, scope, default)
            if element_type is bool:  # networkx hands the value over as str(value)
                element.text = str(value).lower()
            return element

    return Writer(encoding="utf-8", prettyprint=True)


def for_network_tools(graph: nx.MultiDiGraph, *, dynamic: bool = False) -> nx.MultiDiGraph:
    """The statement graph as Gephi, Cytoscape and networkx readers want it.

    Typed attributes (confidence a double, offsets integers, flags booleans), an
    edge ``label`` (the relation) and ``weight`` (1 per statement: tools that merge
    parallel edges sum it into the statement count). Character offsets are called
    ``char_start``/``char_end``: GEXF readers take ``start``/``end`` for time. With
    ``dynamic`` (GEXF) a dated statement gets the time span its date names, so a
    timeline slider shows it then; an undated one is always there.
    """
    out = graph.copy()
    for _u, _v, data in out.edges(data=True):
        data["label"] = data["relation"]
        data["weight"] = 1.0
        data["confidence"] = float(data["confidence"]) if data.get("confidence") else 0.0
        for flag in ("negated", "hedged", "asserted"):
            data[flag] = data.get(flag) == "true"
        for old, new in (("start", "char_start"), ("end", "char_end")):
            value = data.pop(old, "")
            data[new] = int(value) if str(value).isdigit() else -1
        if dynamic and data.get("date"):
            data["start"], data["end"] = _date_span(data["date"])
    return out


def _date_span(date: str) -> tuple[str, str]:
    """First and last day of the day, month or year that ``date`` names."""
    import calendar

    parts = [int(p) for p in date.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    month = parts[1]
    if len(parts) == 2:
        last = calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    return date, date


def write(dataset: Dataset, fmt: str, fh: IO[bytes]) -> None:
    """Serialise ``dataset`` as ``fmt`` into a binary stream."""
    if fmt in ("trig", "nq") and dump(dataset, fh, "trig" if fmt == "trig" else "nquads"):
        return  # the folder store writes its quads itself, streamed
    data = dataset if fmt in ("csv", "graphml", "gexf") and native(dataset) else snapshot(dataset)
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
