"""The Python API: text and Doc in, relations out; the spaCy component; DataFrames."""

from __future__ import annotations

import pytest
from graph_records import OTHER, SEED, other_relations, seed_relations

import kg
from kg import query, store
from kg.pipeline import FIELDS, relation_record

pytestmark = pytest.mark.slow


def test_extract_text_takes_a_plain_string_and_a_date():
    text = "The United States imposed sanctions on Iran on Monday."
    relations = kg.extract_text(text, date="2024-05-02")
    assert [(r.subject.name, r.relation, r.object.name) for r in relations] == [
        ("United States", "sanctions", "Iran")
    ]
    r = relations[0]
    assert r.doc == "text" and r.date is not None and r.date.startswith("2024")
    assert text[r.start : r.end] == text


def test_extract_doc_from_geokg_parse_and_the_component_agree():
    from kg.nlp import load

    text = "Premier Rutte sprak dinsdag in Parijs met president Macron."
    from_doc = kg.extract_doc(load("nl")(text), date="2024-05-07")
    nlp = kg.relations_pipeline("nl", date="2024-05-07")
    from_component = nlp(text)._.relations
    triples = {(r.subject.name, r.relation, r.object.name) for r in from_doc}
    assert ("Mark Rutte", "meets", "Emmanuel Macron") in triples
    assert [relation_record(r) for r in from_component] == [relation_record(r) for r in from_doc]
    assert "geokg_relations" not in load("nl").pipe_names  # the shared pipeline is untouched


def test_extract_doc_needs_a_parse():
    import spacy

    with pytest.raises(ValueError, match="no dependency parse"):
        kg.extract_doc(spacy.blank("en")("Iran and Iraq met."))


def test_relations_and_query_results_as_dataframes():
    relations = seed_relations()
    frame = kg.to_dataframe(relations)
    assert list(frame.columns) == list(FIELDS) == list(relation_record(relations[0]))
    assert len(frame) == len(relations) and frame["confidence"].dtype == float
    dataset = store.new_dataset()
    store.add_article(dataset, SEED, relations)
    store.add_article(dataset, OTHER, other_relations())
    result = query.run(
        dataset, "SELECT ?st ?c WHERE { ?st a rdf:Statement ; kg:confidence ?c } ORDER BY ?st"
    )
    table = kg.to_dataframe(result)
    assert list(table.columns) == ["st", "c"] and table["c"].dtype == float
    assert len(table) == kg.to_networkx(dataset).number_of_edges()
