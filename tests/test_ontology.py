"""The ontology and the relation table read from it."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Literal

from kg import vocab
from kg.errors import DataError
from kg.vocab import KG, PLOVER

EVENT = [
    "agreesWith",
    "meets",
    "supports",
    "concedesTo",
    "cooperatesWith",
    "aids",
    "retreatsFrom",
    "requests",
    "accuses",
    "rejects",
    "threatens",
    "protestsAgainst",
    "sanctions",
    "mobilizesAgainst",
    "coerces",
    "attacks",
]
STATE = [
    "leaderOf",
    "memberOf",
    "childOf",
    "succeeds",
    "attends",
    "visits",
    "locatedIn",
    "allyOf",
    "atWarWith",
]


def test_relations_are_exactly_those_of_the_annotation_scheme() -> None:
    assert sorted(vocab.relations()) == sorted(EVENT + STATE)
    assert [n for n in vocab.relations() if vocab.is_event(n)] == sorted(EVENT)


@pytest.mark.parametrize(
    ("name", "plover", "cameo", "quad", "symmetric"),
    [
        ("agreesWith", "AGREE", ("03",), "VerbalCooperation", False),
        ("meets", "CONSULT", ("04",), "VerbalCooperation", True),
        ("supports", "SUPPORT", ("05",), "VerbalCooperation", False),
        ("concedesTo", "CONCEDE", ("08",), "VerbalCooperation", False),
        ("cooperatesWith", "COOPERATE", ("06",), "MaterialCooperation", True),
        ("aids", "AID", ("07",), "MaterialCooperation", False),
        ("retreatsFrom", "RETREAT", ("08",), "MaterialCooperation", False),
        ("requests", "REQUEST", ("10",), "VerbalConflict", False),
        ("accuses", "ACCUSE", ("09", "11"), "VerbalConflict", False),
        ("rejects", "REJECT", ("12",), "VerbalConflict", False),
        ("threatens", "THREATEN", ("13",), "VerbalConflict", False),
        ("protestsAgainst", "PROTEST", ("14",), "MaterialConflict", False),
        ("sanctions", "SANCTION", ("16",), "MaterialConflict", False),
        ("mobilizesAgainst", "MOBILIZE", ("15",), "MaterialConflict", False),
        ("coerces", "COERCE", ("17",), "MaterialConflict", False),
        ("attacks", "ASSAULT", ("18", "19", "20"), "MaterialConflict", False),
        ("leaderOf", None, (), None, False),
        ("allyOf", None, (), None, True),
        ("atWarWith", None, (), None, True),
    ],
)
def test_relation_table(name, plover, cameo, quad, symmetric) -> None:
    row = vocab.info(name)
    assert (vocab.plover_type(name), row.cameo, vocab.quad_class(name)) == (plover, cameo, quad)
    assert vocab.is_symmetric(name) is symmetric
    assert vocab.polarity(name) == (0 if quad is None else 1 if "Cooperation" in quad else -1)
    assert vocab.relation_name(vocab.relation_iri(name)) == name


@pytest.mark.parametrize("name", EVENT + STATE)
def test_every_relation_is_fully_described(name) -> None:
    g, iri = vocab.ontology(), vocab.relation_iri(name)
    assert (iri, RDF.type, OWL.ObjectProperty) in g
    langs = {lbl.language for lbl in g.objects(iri, RDFS.label) if isinstance(lbl, Literal)}
    assert {"en", "nl"} <= langs
    assert g.value(iri, RDFS.comment) is not None
    assert g.value(iri, RDFS.domain) is not None and g.value(iri, RDFS.range) is not None
    cls = vocab.statement_class(name)
    assert (cls, RDF.type, OWL.Class) in g


def test_plover_statement_classes_carry_type_and_quad() -> None:
    g = vocab.ontology()
    classes = set(g.subjects(RDFS.subClassOf, KG.EventStatement))
    assert len(classes) == 16
    for cls in classes:
        assert any(m in PLOVER for m in g.objects(cls, SKOS.closeMatch))
        assert g.value(cls, KG.quadClass) is not None


def test_statement_datatype_properties_exist() -> None:
    g = vocab.ontology()
    for prop in (
        "date",
        "negated",
        "hedged",
        "confidence",
        "sentence",
        "start",
        "end",
        "trigger",
        "rule",
    ):
        assert (KG[prop], RDF.type, OWL.DatatypeProperty) in g


def test_unknown_relation_is_a_data_error() -> None:
    with pytest.raises(DataError, match="unknown relation 'likes'"):
        vocab.info("likes")
    assert vocab.label("meets", "nl") == "ontmoet"


def test_the_ontology_says_which_kinds_a_relation_joins():
    from kg import vocab

    assert vocab.fits("leaderOf", "Person", "State")
    assert not vocab.fits("leaderOf", "State", "State")  # only a person leads
    assert not vocab.fits("childOf", "Person", "State")
    assert not vocab.fits("attends", "Person", "City")  # one attends an event
    assert vocab.fits("attends", "State", "Event")
    assert vocab.fits("supports", "State", "Group")


@pytest.mark.slow
def test_a_statement_the_ontology_does_not_allow_is_not_made():
    from kg.api import extract_text

    got = extract_text(
        "Iran leads a consortium which includes Syria and Lebanon.", lang="en", date="2019-01-01"
    )
    assert not any(r.relation == "leaderOf" and r.subject.kind != "Person" for r in got)
