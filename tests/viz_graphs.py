"""Datasets for the graph-page tests, built directly with rdflib per the RDF model."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV

KG = Namespace("https://w3id.org/geokg/ontology#")
ID = Namespace("https://w3id.org/geokg/id/")
GRAPH = Namespace("https://w3id.org/geokg/graph/")
PLOVER = {
    "supports": "Support",
    "meets": "Consult",
    "rejects": "Reject",
    "cooperatesWith": "Cooperate",
    "threatens": "Threaten",
    "attacks": "Assault",
    "sanctions": "Sanction",
    "aids": "Aid",
}

#: key: (English name, Dutch name, class, Wikidata id, aliases)
SEED_ACTORS = {
    "kim_jong_un": ("Kim Jong-un", "Kim Jong-un", "Person", "Q56226", ["Kim"]),
    "russia": ("Russia", "Rusland", "State", "Q159", ["Moskou"]),
    "xi_jinping": ("Xi Jinping", "Xi Jinping", "Person", "Q15031", []),
    "china": ("China", "China", "State", "Q148", ["Peking"]),
    "donald_trump": ("Donald Trump", "Donald Trump", "Person", "Q22686", ["Trump"]),
}


@dataclass(frozen=True)
class St:
    subject: str
    relation: str
    object: str
    sentence: str
    date: str | None = None
    negated: bool = False
    hedged: bool = False
    doc: str = "000_37acdb231196126e"
    start: int = 0
    confidence: float = 0.9


SEED_STATEMENTS = [
    St(
        "kim_jong_un",
        "supports",
        "russia",
        "Kim Jong-un betuigde opnieuw zijn steun aan Moskou.",
        "2025-09-02",
        start=120,
    ),
    St(
        "kim_jong_un",
        "supports",
        "russia",
        "Noord-Korea steunt Rusland in de oorlog.",
        "2025-09",
        start=480,
    ),
    St(
        "kim_jong_un",
        "meets",
        "donald_trump",
        "Kim ontmoette Trump in Singapore.",
        "2018",
        start=900,
    ),
    St(
        "donald_trump",
        "meets",
        "kim_jong_un",
        "Trump en Kim zagen elkaar in Hanoi.",
        "2019",
        start=1100,
    ),
    St(
        "kim_jong_un",
        "meets",
        "xi_jinping",
        "Kim sprak in Peking met Xi Jinping.",
        "2025-09-03",
        start=1500,
    ),
    St(
        "xi_jinping",
        "leaderOf",
        "china",
        "De Chinese president Xi Jinping ontving hem.",
        "2025-09-03",
        start=1600,
    ),
    St(
        "kim_jong_un",
        "meets",
        "donald_trump",
        "Kim weigerde Trump opnieuw te ontmoeten.",
        "2025-09",
        negated=True,
        start=2000,
    ),
]
#: What the page must show for the seed: actors, and edges after merging.
SEED_NODES = 5
SEED_EDGES = 5  # supports x2, meets(Kim-Trump) x2, meets(Kim-Xi), leaderOf, negated meets


def add_actor(
    ds: Dataset,
    graph: URIRef,
    key: str,
    name: str,
    name_nl: str,
    kind: str,
    qid: str | None = None,
    aliases: list[str] | None = None,
) -> URIRef:
    g = ds.graph(graph)
    node = ID[key]
    g.add((node, RDF.type, KG.Actor))
    g.add((node, RDF.type, KG[kind]))
    g.add((node, RDFS.label, Literal(name, lang="en")))
    g.add((node, RDFS.label, Literal(name_nl, lang="nl")))
    for alias in aliases or []:
        g.add((node, SKOS.altLabel, Literal(alias, lang="nl")))
    if qid:
        g.add((node, OWL.sameAs, URIRef(f"http://www.wikidata.org/entity/{qid}")))
    return node


def add_statement(ds: Dataset, st: St) -> URIRef:
    graph = GRAPH[st.doc]
    g = ds.graph(graph)
    article = ID[f"article/{st.doc}"]
    g.add((article, RDF.type, KG.Article))
    g.add((article, DCTERMS.identifier, Literal(st.doc)))
    digest = hashlib.sha1(repr(st).encode()).hexdigest()[:16]
    node = ID[f"statement/{digest}"]
    g.add((node, RDF.type, RDF.Statement))
    g.add((node, RDF.type, KG[PLOVER.get(st.relation, "Statement")]))
    g.add((node, RDF.subject, ID[st.subject]))
    g.add((node, RDF.predicate, KG[st.relation]))
    g.add((node, RDF.object, ID[st.object]))
    if st.date:
        dtype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(st.date), XSD.date)
        g.add((node, KG.date, Literal(st.date, datatype=dtype)))
    g.add((node, KG.negated, Literal(st.negated)))
    g.add((node, KG.hedged, Literal(st.hedged)))
    g.add((node, KG.confidence, Literal(str(st.confidence), datatype=XSD.decimal)))
    g.add((node, KG.sentence, Literal(st.sentence)))
    g.add((node, KG.start, Literal(st.start)))
    g.add((node, KG.end, Literal(st.start + len(st.sentence))))
    g.add((node, PROV.wasDerivedFrom, article))
    if not (st.negated or st.hedged):
        g.add((ID[st.subject], KG[st.relation], ID[st.object]))
    return node


def dataset(statements: list[St], actors: dict | None = None) -> Dataset:
    """A Dataset holding ``statements`` and the description of every actor they use."""
    actors = {**SEED_ACTORS, **(actors or {})}
    ds = Dataset()
    for st in statements:
        add_statement(ds, st)
        for key in (st.subject, st.object):
            name, name_nl, kind, qid, aliases = actors.get(
                key, (key.replace("_", " ").title(), key, "State", None, [])
            )
            add_actor(ds, GRAPH[st.doc], key, name, name_nl, kind, qid, aliases)
    return ds


def seed_dataset() -> Dataset:
    return dataset(SEED_STATEMENTS)


def large_dataset(actors: int = 2000, statements: int = 10000, seed: int = 7) -> Dataset:
    """A random graph: ``actors`` actors, ``statements`` statements over 200 articles."""
    rng = random.Random(seed)
    relations = sorted(PLOVER)
    kinds = ["Person", "State", "Organization", "City"]
    table = {
        f"a{i}": (f"Actor {i}", f"Actor {i}", kinds[i % 4], f"Q{1000 + i}", [])
        for i in range(actors)
    }
    rows = []
    for i in range(statements):
        # Every actor takes part; the rest pick a preferential partner (a few hubs).
        a = f"a{i % actors}" if i < actors else f"a{rng.randrange(actors)}"
        b = f"a{int(actors * rng.random() ** 2)}"
        if a == b:
            b = f"a{(int(b[1:]) + 1) % actors}"
        rows.append(
            St(
                a,
                rng.choice(relations),
                b,
                f"Sentence {i} about {a} and {b}.",
                f"20{rng.randrange(10, 26)}-{rng.randrange(1, 13):02d}",
                doc=f"doc{i % 200}",
                start=i,
            )
        )
    return dataset(rows, table)
