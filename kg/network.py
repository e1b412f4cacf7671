"""The graph as a networkx MultiDiGraph: actors as nodes, statements as edges.

Attributes are plain strings so that GraphML, GEXF and CSV writers take them
as they are. Node ids are actor IRIs; edge keys are statement IRIs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, Dataset, Literal, URIRef

from kg import vocab
from kg.store import doc_id_of_graph, snapshot

if TYPE_CHECKING:
    import networkx as nx

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


def _first_values(data: Dataset, predicate: URIRef, keep) -> dict[str, str]:
    """The smallest kept object of ``predicate`` per subject, over all graphs, in one pass.

    One indexed scan of the quads with that predicate: linear in the data, where a
    SPARQL join of OPTIONAL GRAPH blocks grows with the product of the graphs.
    """
    values: dict[str, str] = {}
    for s, _, o, _ in data.quads((None, predicate, None, None)):
        if keep(o):
            key, text = str(s), str(o)
            if key not in values or text < values[key]:
                values[key] = text
    return values


def _is_en_label(value: object) -> bool:
    return isinstance(value, Literal) and (value.language or "").lower().startswith("en")


def _is_kg_class(value: object) -> bool:
    return str(value).startswith(str(vocab.KG))


def to_networkx(dataset: Dataset) -> nx.MultiDiGraph:
    """Build the actor/statement multigraph of every article in ``dataset``."""
    import networkx as nx

    data = snapshot(dataset)
    graph = nx.MultiDiGraph()
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
    labels = _first_values(data, RDFS.label, _is_en_label)
    classes = _first_values(data, RDF.type, _is_kg_class)
    wikidata = _first_values(data, vocab.KG.wikidata, lambda _: True)
    for iri, attrs in graph.nodes(data=True):
        attrs["label"] = labels.get(iri) or _local(iri)
        attrs["class"] = _local(classes[iri]) if iri in classes else ""
        attrs["wikidata"] = _local(wikidata[iri]) if iri in wikidata else ""
    return graph
