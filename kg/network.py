"""The graph as a networkx MultiDiGraph: actors as nodes, statements as edges.

Attributes are plain strings so that GraphML, GEXF and CSV writers take them
as they are. Node ids are actor IRIs; edge keys are statement IRIs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Dataset

from kg import vocab
from kg.store import doc_id_of_graph, snapshot

if TYPE_CHECKING:
    import networkx as nx

_NODES = """
SELECT ?a (SAMPLE(?l) AS ?label) (SAMPLE(?c) AS ?cls) (SAMPLE(?w) AS ?wd) WHERE {
  GRAPH ?g { ?st a rdf:Statement . { ?st rdf:subject ?a } UNION { ?st rdf:object ?a } }
  OPTIONAL { GRAPH ?g2 { ?a rdfs:label ?l FILTER(langMatches(lang(?l), "en")) } }
  OPTIONAL { GRAPH ?g3 { ?a a ?c FILTER(STRSTARTS(STR(?c), STR(kg:))) } }
  OPTIONAL { GRAPH ?g4 { ?a kg:wikidata ?w } }
} GROUP BY ?a
"""

_EDGES = """
SELECT ?g ?st ?s ?p ?o ?date ?neg ?hedged ?conf ?sentence ?start ?end ?trigger WHERE {
  GRAPH ?g {
    ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
    OPTIONAL { ?st kg:date ?date } OPTIONAL { ?st kg:negated ?neg }
    OPTIONAL { ?st kg:hedged ?hedged } OPTIONAL { ?st kg:confidence ?conf }
    OPTIONAL { ?st kg:sentence ?sentence } OPTIONAL { ?st kg:start ?start }
    OPTIONAL { ?st kg:end ?end } OPTIONAL { ?st kg:trigger ?trigger }
  }
}
"""


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _local(iri: object) -> str:
    text = _text(iri)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def to_networkx(dataset: Dataset) -> nx.MultiDiGraph:
    """Build the actor/statement multigraph of every article in ``dataset``."""
    import networkx as nx

    data = snapshot(dataset)
    graph = nx.MultiDiGraph()
    for row in data.query(_NODES, initNs=vocab.PREFIXES):
        iri, label, cls, wd = row  # type: ignore[misc]
        graph.add_node(
            str(iri),
            label=_text(label) or _local(iri),
            **{"class": _local(cls) if cls is not None else ""},
            wikidata=_local(wd) if wd is not None else "",
        )
    for row in data.query(_EDGES, initNs=vocab.PREFIXES):
        g, st, s, p, o, date, neg, hedged, conf, sentence, start, end, trigger = row  # type: ignore[misc]
        name = vocab.relation_name(p) or _local(p)
        asserted = _text(neg) != "true" and _text(hedged) != "true"
        graph.add_edge(
            str(s),
            str(o),
            key=str(st),
            relation=name,
            date=_text(date),
            negated=_text(neg) or "false",
            hedged=_text(hedged) or "false",
            asserted="true" if asserted else "false",
            confidence=_text(conf),
            sentence=_text(sentence),
            start=_text(start),
            end=_text(end),
            trigger=_text(trigger),
            doc=doc_id_of_graph(g) or "",
            quad=(vocab.quad_class(name) or "") if vocab.is_relation(name) else "",
        )
    return graph
