"""What the graph page reads from RDF: actors, statements and relation metadata.

The reader follows the RDF model of DESIGN.md (statement nodes with
``rdf:subject``/``rdf:predicate``/``rdf:object`` and their evidence, actors with
labels and a Wikidata link) and takes any rdflib Dataset or Graph holding it.
"""

from __future__ import annotations

import calendar
import logging
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, NamedTuple

from rdflib import OWL, RDF, RDFS, SKOS, Literal, URIRef

from kg import vocab
from kg.vocab import DCTERMS, ID, KG, PROV, WD

log = logging.getLogger(__name__)

ID_BASE = str(ID)
ARTICLE_BASE = ID_BASE + "article/"
WIKIDATA = str(WD)

#: Shape and colour of each actor class (Okabe-Ito colours; shapes differ too).
ACTOR_STYLE: dict[str, tuple[str, str]] = {
    "Person": ("dot", "#E69F00"),
    "State": ("square", "#0072B2"),
    "Organization": ("diamond", "#009E73"),
    "City": ("triangle", "#56B4E9"),
    "Place": ("triangleDown", "#8FBC8F"),
    "Event": ("star", "#CC79A7"),
    "Group": ("hexagon", "#A0522D"),
    "Actor": ("dot", "#9E9E9E"),
}
#: Edge colour by PLOVER quad class (kg.vocab's names); state relations are neutral.
QUAD_COLOURS = {
    "VerbalCooperation": "#4CAF50",
    "MaterialCooperation": "#1B5E20",
    "VerbalConflict": "#FB8C00",
    "MaterialConflict": "#C62828",
    "State": "#78909C",
}


class RelationStyle(NamedTuple):
    quad: str  # a key of QUAD_COLOURS
    symmetric: bool


def relation_info(name: str) -> RelationStyle:
    """Quad class and symmetry from the ontology; a relation it lacks is directed, neutral."""
    if not vocab.is_relation(name):
        return RelationStyle("State", False)
    row = vocab.info(name)
    return RelationStyle(row.quad if row.quad in QUAD_COLOURS else "State", row.symmetric)


def relation_table() -> dict[str, RelationStyle]:
    """Every relation of the ontology with its quad class and symmetry."""
    return {name: relation_info(name) for name in vocab.relations()}


@dataclass(frozen=True)
class GraphActor:
    """An actor as the page shows it (read back from RDF)."""

    key: str
    iri: str
    name: str
    kind: str
    labels: tuple[tuple[str, str], ...]  # (label, language tag), preferred labels first
    wikidata: str | None

    def names(self) -> set[str]:
        return {self.name, *(label for label, _ in self.labels)}


@dataclass(frozen=True)
class Statement:
    """One statement node with its evidence."""

    iri: str
    subject: str  # actor key
    relation: str
    object: str
    date: str | None
    negated: bool
    hedged: bool
    sentence: str
    doc: str
    start: int | None
    end: int | None
    confidence: float | None = None


_CLASS_ORDER = ("Person", "State", "Organization", "City", "Place", "Event", "Group")


#: What a statement's and an article's fields are read from (the actors': everything).
_STATEMENT_FIELDS = (RDF.subject, RDF.predicate, RDF.object, PROV.wasDerivedFrom, KG.date)
_STATEMENT_FIELDS += (KG.negated, KG.hedged, KG.sentence, KG.start, KG.end, KG.confidence)
_ARTICLE_FIELDS = (DCTERMS.identifier, DCTERMS.date)


def read_graph(dataset: Any) -> tuple[dict[str, GraphActor], list[Statement]]:
    """Actors (by key) and statements of a Dataset or Graph following the RDF model."""
    from kg.diskstore import native

    store = native(dataset)
    if store is not None:
        return _from_props(_native_props(store))
    props: dict[Any, dict[Any, set[Any]]] = defaultdict(lambda: defaultdict(set))
    quads = (
        dataset.quads((None, None, None, None))
        if hasattr(dataset, "quads")
        else ((s, p, o, None) for s, p, o in dataset.triples((None, None, None)))
    )
    for s, p, o, _graph in quads:
        props[s][p].add(o)
    return _from_props(props)


def _native_props(store: Any) -> dict[Any, dict[Any, set[Any]]]:
    """``read_graph``'s properties from the folder store (Oxigraph), reading only what the
    page shows: one scan of the default graph (the union of the article graphs, as a set)
    per statement and article field, and the triples of each actor the statements name.
    Linear in the statements, where reading every quad of a 10,000-article store through
    rdflib took 100 s and 5.7 GB."""
    import pyoxigraph

    from kg.diskstore import from_ox, to_ox

    union = pyoxigraph.DefaultGraph()
    terms: dict[Any, Any] = {}  # each Oxigraph term converted once (IRIs repeat a lot)

    def term(value: Any) -> Any:
        found = terms.get(value)
        if found is None:
            found = terms[value] = from_ox(value)
        return found

    props: dict[Any, dict[Any, set[Any]]] = defaultdict(lambda: defaultdict(set))
    statement_type = store.quads_for_pattern(None, to_ox(RDF.type), to_ox(RDF.Statement), union)
    statements = {quad.subject: term(quad.subject) for quad in statement_type}
    for node in statements.values():
        props[node][RDF.type].add(RDF.Statement)
    for predicate in _STATEMENT_FIELDS:
        for quad in store.quads_for_pattern(None, to_ox(predicate), None, union):
            node = statements.get(quad.subject)
            if node is not None:
                props[node][predicate].add(term(quad.object))
    for predicate in _ARTICLE_FIELDS:
        for quad in store.quads_for_pattern(None, to_ox(predicate), None, union):
            props[term(quad.subject)][predicate].add(term(quad.object))
    named = {
        value
        for node in statements.values()
        for predicate in (RDF.subject, RDF.object)
        for value in props[node].get(predicate, ())
        if isinstance(value, URIRef)
    }
    for actor in named:
        for quad in store.quads_for_pattern(to_ox(actor), None, None, union):
            props[actor][term(quad.predicate)].add(term(quad.object))
    return props


def _from_props(
    props: dict[Any, dict[Any, set[Any]]],
) -> tuple[dict[str, GraphActor], list[Statement]]:
    actors: dict[str, GraphActor] = {}
    statements: list[Statement] = []
    for node, values in props.items():
        if RDF.Statement not in values.get(RDF.type, ()):
            continue
        statement = _statement(node, values, props)
        if statement is None:
            continue
        statements.append(statement)
        for key in (statement.subject, statement.object):
            if key not in actors:
                actors[key] = _actor(_iri(key), props.get(URIRef(_iri(key)), {}))
    statements.sort(key=lambda s: s.iri)
    return actors, statements


def _statement(node: Any, values: dict[Any, set[Any]], props: Any) -> Statement | None:
    subject, predicate, obj = (_one(values, p) for p in (RDF.subject, RDF.predicate, RDF.object))
    if not (
        isinstance(subject, URIRef) and isinstance(obj, URIRef) and isinstance(predicate, URIRef)
    ):
        log.warning("skipping statement %s: subject, predicate or object missing", node)
        return None
    article = _one(values, PROV.wasDerivedFrom)
    article_props = props.get(article, {})
    doc = _one(article_props, DCTERMS.identifier)
    if doc is None and article is not None:
        doc = str(article).removeprefix(ARTICLE_BASE)
    date = _one(values, KG.date)
    if date is None:  # the article's date is the best guess the graph has
        date = _one(article_props, DCTERMS.date)
    return Statement(
        iri=str(node),
        subject=_key(subject),
        object=_key(obj),
        relation=str(predicate).removeprefix(str(KG)),
        date=str(date) if date is not None else None,
        negated=_bool(_one(values, KG.negated)),
        hedged=_bool(_one(values, KG.hedged)),
        sentence=str(_one(values, KG.sentence) or ""),
        doc=str(doc or ""),
        start=_int(_one(values, KG.start)),
        end=_int(_one(values, KG.end)),
        confidence=_float(_one(values, KG.confidence)),
    )


def _float(value: Any) -> float | None:
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _actor(iri: str, values: dict[Any, set[Any]]) -> GraphActor:
    kinds = {str(t).removeprefix(str(KG)) for t in values.get(RDF.type, ())}
    kind = next((k for k in _CLASS_ORDER if k in kinds), "Actor")
    preferred = sorted(values.get(RDFS.label, ()), key=lambda lit: _lang_rank(lit))
    alternative = sorted(values.get(SKOS.altLabel, ()), key=lambda lit: _lang_rank(lit))
    labels = tuple(
        dict.fromkeys(
            (str(lit), getattr(lit, "language", None) or "")
            for lit in [*preferred, *alternative]
            if isinstance(lit, Literal)
        )
    )
    key = _key(iri)
    name = labels[0][0] if labels else key.rsplit("/", 1)[-1].replace("_", " ")
    links = [*values.get(KG.wikidata, ()), *values.get(OWL.sameAs, ())]
    wikidata = next(
        (
            str(v).removeprefix(WIKIDATA)
            for v in sorted(links, key=str)
            if str(v).startswith(WIKIDATA)
        ),
        None,
    )
    return GraphActor(key, iri, name, kind, labels, wikidata)


def _lang_rank(lit: Any) -> tuple[int, str]:
    lang = getattr(lit, "language", None) or ""
    return ({"en": 0, "nl": 1}.get(lang, 2), str(lit))


def _one(values: dict[Any, set[Any]], predicate: Any) -> Any:
    found = values.get(predicate)
    return min(found, key=str) if found else None


def _key(iri: Any) -> str:
    return str(iri).removeprefix(ID_BASE)


def _iri(key: str) -> str:
    return key if ":" in key else ID_BASE + key


def _bool(value: Any) -> bool:
    return value is not None and str(value).strip().lower() in {"true", "1"}


def _int(value: Any) -> int | None:
    try:
        return int(str(value)) if value is not None else None
    except ValueError:
        return None


_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def interval(text: str, strict: bool = False) -> tuple[str, str] | None:
    """First and last day of a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` date.

    ``strict`` refuses anything after the date (a time or time zone is ignored otherwise).
    """
    text = text.strip()
    match = _DATE.fullmatch(text) if strict else _DATE.match(text)
    if match is None:
        return None
    year, month, day = match.groups()
    if day:
        return f"{year}-{month}-{day}", f"{year}-{month}-{day}"
    if month:
        if not 1 <= int(month) <= 12:
            return None
        last = calendar.monthrange(int(year), int(month))[1]
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    return f"{year}-01-01", f"{year}-12-31"
