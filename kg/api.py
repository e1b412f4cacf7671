"""geokg from Python: extraction from a string or a spaCy ``Doc``, a spaCy component,
and tables for pandas.

>>> import kg
>>> relations = kg.extract_text("Rutte sprak met Macron.", date="2024-05")  # doctest: +SKIP
>>> kg.to_dataframe(relations)[["subject", "relation", "object"]]  # doctest: +SKIP
         subject relation          object
0      Mark Rutte    meets  Emmanuel Macron
...
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import extract
from kg.ingest import parse_article
from kg.pipeline import FIELDS, extract_document, relation_record
from kg.records import Document, Relation
from kg.resolve import resolve

if TYPE_CHECKING:
    import pandas
    from rdflib.query import Result


def extract_text(
    text: str,
    *,
    lang: str | None = None,
    date: str | None = None,
    doc_id: str = "text",
    model: str | None = None,
) -> list[Relation]:
    """The relations a text states, in text order.

    ``lang``: ``"nl"`` or ``"en"`` (default: detected); ``date``: the article's date
    (YYYY, YYYY-MM or YYYY-MM-DD), which dates what the text says "on Monday".
    Offsets in the relations index ``text``.
    """
    document = parse_article(text, doc_id, lang=lang, date=date)
    return extract_document(document, model=model)


def extract_doc(doc: Doc, *, date: str | None = None, doc_id: str = "doc") -> list[Relation]:
    """The relations of a ``Doc`` parsed by geokg's pipeline (``kg.nlp.load``) or one
    with the same annotations (tagger, morphologizer, parser, lemmatizer).

    Offsets in the relations index ``doc.text``.
    """
    if not doc.has_annotation("DEP"):
        raise ValueError("the Doc has no dependency parse; parse it with kg.nlp.load(lang)")
    document = Document(doc_id, doc.text, doc.lang_, date=date)
    relations = extract(doc, document, resolve(doc, document))
    return sorted(
        relations, key=lambda r: (r.start, r.subject.name, r.relation, r.object.name, r.date or "")
    )


if not Doc.has_extension("relations"):
    Doc.set_extension("relations", default=None)


class RelationsComponent:
    """Sets ``doc._.relations`` to the relations the doc states (see ``extract_doc``)."""

    def __init__(self, date: str | None) -> None:
        self.date = date

    def __call__(self, doc: Doc) -> Doc:
        doc._.relations = extract_doc(doc, date=self.date)
        return doc


@Language.factory("geokg_relations", default_config={"date": None})
def make_relations_component(nlp: Language, name: str, date: str | None) -> RelationsComponent:
    """``nlp.add_pipe("geokg_relations", config={"date": "2024-05-02"})`` after the parser."""
    return RelationsComponent(date)


def relations_pipeline(lang: str, *, date: str | None = None, model: str | None = None):
    """geokg's pipeline for ``lang`` with ``geokg_relations`` at its end: ``nlp(text)``
    gives a Doc whose ``doc._.relations`` are the relations it states.

    >>> nlp = kg.relations_pipeline("en", date="2024-05-02")  # doctest: +SKIP
    >>> doc = nlp("The United States imposed sanctions on Iran.")  # doctest: +SKIP
    >>> [r.relation for r in doc._.relations]  # doctest: +SKIP
    ['sanctions']
    """
    from kg.nlp import build_pipeline

    nlp = build_pipeline(lang, model)
    nlp.add_pipe("geokg_relations", config={"date": date})
    return nlp


def to_dataframe(rows: Iterable[Relation] | Result) -> pandas.DataFrame:
    """A pandas DataFrame of relations (the JSONL fields, one row each) or of the rows
    of a SPARQL SELECT result (one column per variable, values as Python objects)."""
    try:
        import pandas
    except ImportError as err:
        raise ImportError("to_dataframe needs pandas: pip install 'geokg[pandas]'") from err
    from rdflib.query import Result

    if isinstance(rows, Result):
        names = [str(v) for v in rows.vars or []]
        data = [[_python(term) for term in row] for row in rows]  # type: ignore[union-attr]
        return pandas.DataFrame(data, columns=names)
    return pandas.DataFrame([relation_record(r) for r in rows], columns=list(FIELDS))


def _python(term: Any) -> Any:
    """An RDF term as pandas wants it: literals as their Python value, IRIs as text."""
    if term is None:
        return None
    value = term.toPython() if hasattr(term, "toPython") else term
    if isinstance(value, Decimal):
        return float(value)
    return value if isinstance(value, str | int | float | bool | datetime.date) else str(value)
