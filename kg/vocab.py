"""The ontology as code sees it: namespaces and the relation table, read from geokg.ttl.

``ontology/geokg.ttl`` is the one place that lists relations; everything here
is derived from it, parsed once on first use.

>>> from kg import vocab
>>> vocab.plover_type("supports"), vocab.quad_class("supports"), vocab.is_symmetric("meets")
('SUPPORT', 'VerbalCooperation', True)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef

from kg.errors import DataError
from kg.resources import turtle_graph

KG = Namespace("https://w3id.org/geokg/ontology#")
ID = Namespace("https://w3id.org/geokg/id/")
GRAPH = Namespace("https://w3id.org/geokg/graph/")
WD = Namespace("http://www.wikidata.org/entity/")
PROV = Namespace("http://www.w3.org/ns/prov#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
PLOVER = Namespace("https://w3id.org/geokg/plover/")
CAMEO = Namespace("https://w3id.org/geokg/cameo/")

#: Prefixes bound in every graph, query and export geokg writes.
PREFIXES: dict[str, str] = {
    "kg": str(KG),
    "id": str(ID),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": str(WD),
}


@dataclass(frozen=True)
class RelationInfo:
    """One row of the relation table."""

    name: str  # local name, e.g. "supports"
    iri: URIRef
    event: bool  # an event relation (PLOVER type) or a state relation
    symmetric: bool
    statement_class: URIRef  # kg:Support, ..., or kg:StateStatement
    plover: str | None  # "SUPPORT"; None for state relations
    cameo: tuple[str, ...]  # CAMEO root codes, e.g. ("05",)
    quad: str | None  # "VerbalCooperation" ...; None for state relations
    polarity: int  # +1 cooperation, -1 conflict, 0 state relation
    labels: dict[str, str]  # language tag -> label


@cache
def ontology() -> Graph:
    """The parsed ontology graph (cached; treat it as read-only)."""
    return turtle_graph("geokg.ttl")


def _local(iri: URIRef | None) -> str | None:
    if iri is None:
        return None
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@cache
def relation_table() -> dict[str, RelationInfo]:
    """Every relation of the ontology by name, in the file's order of kinds (events first)."""
    graph = ontology()
    table: dict[str, RelationInfo] = {}
    for parent, event in ((KG.eventRelation, True), (KG.stateRelation, False)):
        for iri in sorted(graph.subjects(RDFS.subPropertyOf, parent)):
            assert isinstance(iri, URIRef)
            name = _local(iri)
            assert name is not None
            matches = list(graph.objects(iri, SKOS.closeMatch))
            plover = [str(graph.value(m, SKOS.notation)) for m in matches if m in PLOVER]
            cameo = sorted(str(graph.value(m, SKOS.notation)) for m in matches if m in CAMEO)
            quad = graph.value(iri, KG.quadClass)
            polarity = graph.value(quad, KG.polarity) if quad is not None else None
            cls = graph.value(iri, KG.statementClass)
            if not isinstance(cls, URIRef) or (event and (not plover or quad is None)):
                raise DataError(
                    f"geokg.ttl: relation {name} lacks its statement class or PLOVER type"
                )
            labels = {
                lbl.language: str(lbl)
                for lbl in graph.objects(iri, RDFS.label)
                if isinstance(lbl, Literal) and lbl.language
            }
            table[name] = RelationInfo(
                name=name,
                iri=iri,
                event=event,
                symmetric=(iri, RDF.type, OWL.SymmetricProperty) in graph,
                statement_class=cls,
                plover=plover[0] if plover else None,
                cameo=tuple(cameo),
                quad=_local(quad) if isinstance(quad, URIRef) else None,
                polarity=int(polarity.toPython()) if isinstance(polarity, Literal) else 0,
                labels=labels,
            )
    return table


@cache
def _kinds_of(cls: URIRef) -> frozenset[str]:
    """The actor kinds (class local names) that are ``cls`` or below it."""
    graph = ontology()
    found, todo = set(), [cls]
    while todo:
        current = todo.pop()
        name = _local(current)
        if name and name not in found:
            found.add(name)
            todo.extend(
                s for s in graph.subjects(RDFS.subClassOf, current) if isinstance(s, URIRef)
            )
    return frozenset(found)


def fits(name: str, subject_kind: str, object_kind: str) -> bool:
    """Whether a statement's ends have kinds the ontology's domain and range allow
    ("Iran leaderOf Lebanon" does not: only a person leads)."""
    graph = ontology()
    iri = relation_iri(name)
    domain, range_ = graph.value(iri, RDFS.domain), graph.value(iri, RDFS.range)
    return (not isinstance(domain, URIRef) or subject_kind in _kinds_of(domain)) and (
        not isinstance(range_, URIRef) or object_kind in _kinds_of(range_)
    )


def relations() -> tuple[str, ...]:
    """All relation names (event relations first, each group sorted)."""
    return tuple(relation_table())


def info(name: str) -> RelationInfo:
    """The table row of ``name``; DataError for a name the ontology does not know."""
    try:
        return relation_table()[name]
    except KeyError:
        raise DataError(f"unknown relation {name!r}; known: {', '.join(relations())}") from None


def is_relation(name: str) -> bool:
    return name in relation_table()


def is_symmetric(name: str) -> bool:
    return info(name).symmetric


def is_event(name: str) -> bool:
    return info(name).event


def plover_type(name: str) -> str | None:
    """PLOVER event type ("SUPPORT") of an event relation, None for a state relation."""
    return info(name).plover


def quad_class(name: str) -> str | None:
    """Quad class local name ("VerbalCooperation"), None for a state relation."""
    return info(name).quad


def polarity(name: str) -> int:
    """+1 for a cooperation relation, -1 for a conflict relation, 0 for a state relation."""
    return info(name).polarity


def relation_iri(name: str) -> URIRef:
    return info(name).iri


def statement_class(name: str) -> URIRef:
    return info(name).statement_class


def label(name: str, lang: str = "en") -> str:
    """The relation's label in ``lang`` (falls back to English, then the name)."""
    labels = info(name).labels
    return labels.get(lang) or labels.get("en") or name


@cache
def _names_by_iri() -> dict[URIRef, str]:
    return {row.iri: row.name for row in relation_table().values()}


def relation_name(iri: URIRef | str) -> str | None:
    """The relation name of a kg: property IRI, None when it is not a relation."""
    return _names_by_iri().get(URIRef(str(iri)))
