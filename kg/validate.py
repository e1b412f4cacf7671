"""SHACL validation of a geokg Dataset against ``ontology/shapes.ttl``.

Each article graph is checked on its own (pyshacl validates every named graph
of a Dataset separately), with the ontology mixed in so that ``sh:class`` sees
the class tree; an article graph must therefore describe every actor it uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import Dataset, Graph

from kg import vocab
from kg.resources import turtle_graph


@dataclass(frozen=True)
class Report:
    conforms: bool
    text: str  # pyshacl's human-readable report
    graph: Graph  # the report as RDF (sh:ValidationReport)


@cache
def shapes() -> Graph:
    return turtle_graph("shapes.ttl")


def validate(dataset: Dataset | Graph) -> Report:
    """Validate every named graph of ``dataset`` (or one Graph) against geokg's shapes."""
    from pyshacl import validate as shacl_validate  # heavy import, only when validating

    conforms, report_graph, text = shacl_validate(
        dataset,
        shacl_graph=shapes(),
        ont_graph=vocab.ontology(),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
    )
    return Report(bool(conforms), str(text), report_graph)


#: The columns of ``result_rows``.
RESULT_COLUMNS = ("severity", "focus", "path", "value", "constraint", "shape", "message")


def result_rows(report: Report) -> list[dict]:
    """One row per SHACL result of ``report`` (none when it conforms), sorted: the
    severity and constraint by local name, nodes and values as their text."""
    from rdflib import SH

    def text(node: object) -> str | None:
        return None if node is None else str(node)

    def local(node: object) -> str | None:
        return None if node is None else str(node).rsplit("#", 1)[-1].rsplit("/", 1)[-1]

    g = report.graph
    rows = [
        {
            "severity": local(g.value(result, SH.resultSeverity)),
            "focus": text(g.value(result, SH.focusNode)),
            "path": text(g.value(result, SH.resultPath)),
            "value": text(g.value(result, SH.value)),
            "constraint": local(g.value(result, SH.sourceConstraintComponent)),
            "shape": text(g.value(result, SH.sourceShape)),
            "message": text(g.value(result, SH.resultMessage)),
        }
        for result in g.subjects(SH.resultSeverity, None)
    ]
    return sorted(rows, key=lambda r: tuple(r[c] or "" for c in RESULT_COLUMNS))
