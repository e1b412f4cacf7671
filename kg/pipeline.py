"""The end-to-end path: articles -> parsed docs -> actors -> relations -> graph.

>>> import kg
>>> dataset = kg.build(["seeds/"])  # doctest: +SKIP
>>> len(dataset)  # doctest: +SKIP
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from rdflib import Dataset

from kg import __version__, store
from kg.extract import extract
from kg.ingest import iter_articles
from kg.nlp import load
from kg.records import Document, Relation
from kg.resolve import Resolution, resolve

log = logging.getLogger(__name__)


def analyse_document(
    document: Document, *, model: str | None = None
) -> tuple[Resolution, list[Relation]]:
    """Parse an article, resolve its actors and extract its relations."""
    nlp = load(document.lang, model)
    doc = nlp(document.text)
    resolution = resolve(doc, document)
    relations = extract(doc, document, resolution)
    return resolution, sorted(
        relations, key=lambda r: (r.start, r.subject.name, r.relation, r.object.name, r.date or "")
    )


def extract_document(
    document: Document, *, model: str | None = None, min_confidence: float = 0.0
) -> list[Relation]:
    """The relations one article states, in text order."""
    _resolution, relations = analyse_document(document, model=model)
    return [r for r in relations if r.confidence >= min_confidence]


def extract_articles(
    sources: Iterable[str | Path],
    *,
    lang: str | None = None,
    model: str | None = None,
    min_confidence: float = 0.0,
) -> Iterator[tuple[Document, list[Relation]]]:
    """Read and extract every article of ``sources`` (files, folders, ``-``)."""
    for document in iter_articles(sources, lang=lang):
        log.info("extracting %s (%s, %s)", document.id, document.lang, document.date)
        yield document, extract_document(document, model=model, min_confidence=min_confidence)


def pipeline_name(lang: str, model: str | None = None) -> str:
    nlp = load(lang, model)
    return f"geokg {__version__}; spaCy {nlp.meta.get('name', lang)} {nlp.meta.get('version', '')}"


def build(
    sources: Iterable[str | Path],
    dataset: Dataset | None = None,
    *,
    lang: str | None = None,
    model: str | None = None,
    min_confidence: float = 0.0,
) -> Dataset:
    """Extract ``sources`` into ``dataset`` (a new one by default), one named
    graph per article, replacing earlier graphs of the same articles."""
    dataset = dataset if dataset is not None else store.new_dataset()
    for document, relations in extract_articles(
        sources, lang=lang, model=model, min_confidence=min_confidence
    ):
        store.add_article(
            dataset, document, relations, pipeline=pipeline_name(document.lang, model)
        )
    return dataset


def relation_record(relation: Relation) -> dict:
    """A relation in the JSONL contract: the gold fields of ANNOTATION.md plus
    confidence, actor IRIs and character offsets into the source file."""
    return {
        "doc": relation.doc,
        "sentence": relation.sentence,
        "subject": relation.subject.name,
        "relation": relation.relation,
        "object": relation.object.name,
        "date": relation.date,
        "negated": relation.negated,
        "hedged": relation.hedged,
        "confidence": relation.confidence,
        "subject_id": str(store.actor_iri(relation.subject.key)),
        "object_id": str(store.actor_iri(relation.object.key)),
        "start": relation.start,
        "end": relation.end,
        "trigger": relation.trigger,
    }
