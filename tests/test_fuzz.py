"""Fuzzing the whole path: ingest -> extract -> store -> every export.

Random Unicode (control and format characters, other scripts), random line
structure and date lines, mixed with sentences that do state relations so that
statements carry the hostile text into every exporter. Nothing may crash, every
offset must lie in the source, and every export must parse back.
"""

from __future__ import annotations

import csv
import io

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph

from kg import export, store
from kg.errors import InputError
from kg.ingest import parse_article
from kg.pipeline import extract_document

RELATION_SENTENCES = [
    "Rutte sprak met Macron in Parijs.",
    "Poetin bedreigde Oekraïne.",
    "The United States imposed sanctions on Iran.",
    "Kim Jong-un beloofde steun aan Moskou.",
]
junk = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=40
)
piece = st.one_of(st.sampled_from(RELATION_SENTENCES), junk)
separator = st.sampled_from([" ", "\n", "\n\n", "\r\n", "\t", "\x00", "\u200b", "\x1b"])
date_line = st.sampled_from(["", "date 2024-05-01\n\n", "2019-13-45\n", "date 2024\n", "\ufeff"])


@st.composite
def articles(draw) -> str:
    parts = draw(st.lists(st.tuples(piece, separator), min_size=1, max_size=8))
    return draw(date_line) + "".join(text + sep for text, sep in parts)


RDF_PARSERS = {"ttl": "turtle", "nt": "nt", "xml": "xml"}
DATASET_PARSERS = {"trig": "trig", "nq": "nquads", "jsonld": "json-ld"}


@pytest.mark.slow
@settings(
    max_examples=40,
    derandomize=True,  # the same examples on every run: CI stays reproducible
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(raw=articles(), lang=st.sampled_from(["nl", "en"]))
def test_any_text_goes_through_to_every_export(raw, lang):
    try:
        document = parse_article(raw, "fuzz", source="fuzz.txt", lang=lang)
    except InputError:
        return  # empty after cleaning: refused with a message, as it should be
    relations = extract_document(document)
    for r in relations:
        assert 0 <= r.start <= r.end <= len(raw)
    dataset = store.new_dataset()
    store.add_article(dataset, document, relations)
    for fmt in export.FORMATS:
        buffer = io.BytesIO()
        export.write(dataset, fmt, buffer)
        data = buffer.getvalue()
        if fmt in RDF_PARSERS:
            Graph().parse(data=data, format=RDF_PARSERS[fmt])
        elif fmt in DATASET_PARSERS:
            Dataset().parse(data=data, format=DATASET_PARSERS[fmt])
        elif fmt == "graphml":
            nx.read_graphml(io.BytesIO(data))
        elif fmt == "gexf":
            nx.read_gexf(io.BytesIO(data))
        else:
            assert fmt == "csv", f"a new export format {fmt} needs a parser here"
            header, *rows = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
            assert all(len(row) == len(header) for row in rows)
