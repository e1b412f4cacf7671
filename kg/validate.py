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
