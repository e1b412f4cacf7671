"""The end-to-end path: articles -> parsed docs -> actors -> relations -> graph.

>>> import kg
>>> dataset = kg.build(["seeds/"])  # doctest: +SKIP
>>> len(dataset)  # doctest: +SKIP
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset

from kg import __version__, store
from kg.errors import InputError, ModelError
from kg.extract import extract
from kg.ingest import iter_articles
from kg.nlp import load, parse
from kg.records import Document, Relation
from kg.resolve import Resolution, resolve

log = logging.getLogger(__name__)


def analyse_document(
    document: Document, *, model: str | None = None
) -> tuple[Resolution, list[Relation]]:
    """Parse an article, resolve its actors and extract its relations."""
    nlp = load(document.lang, model)
    doc = parse(nlp, document.text)
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


@dataclass
class Skipped:
    """An article a batch went on without: where it came from and why."""

    source: str
    reason: str


def extract_articles(
    sources: Iterable[str | Path],
    *,
    lang: str | None = None,
    model: str | None = None,
    min_confidence: float = 0.0,
    skipped: list[Skipped] | None = None,
    strict: bool = False,
    stdin_id: str = "stdin",
) -> Iterator[tuple[Document, list[Relation]]]:
    """Read and extract every article of ``sources`` (files, folders, ``-``).

    An article that cannot be read or fails in extraction is logged, added to
    ``skipped`` (when given) and passed over, so that one bad article never loses
    the rest of a batch; with ``strict`` the first failure raises instead.
    """

    def skip(source: str, reason: str) -> None:
        if strict:
            raise InputError(reason)
        if skipped is not None:
            skipped.append(Skipped(source, reason))  # the caller reports it
        else:
            log.error("skipped %s", reason)

    for document in iter_articles(sources, lang=lang, on_error=skip, stdin_id=stdin_id):
        log.info("extracting %s (%s, %s)", document.id, document.lang, document.date)
        try:
            relations = extract_document(document, model=model, min_confidence=min_confidence)
        except ModelError:
            raise  # no pipeline: every other article would fail the same way
        except Exception as err:
            if strict:
                raise
            where = document.source or document.id
            skip(where, f"{where}: extraction failed ({type(err).__name__}: {err})")
            continue
        yield document, relations


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
    skipped: list[Skipped] | None = None,
    strict: bool = False,
    stdin_id: str = "stdin",
    on_article: Callable[[Document], None] | None = None,
) -> Dataset:
    """Extract ``sources`` into ``dataset`` (a new one by default), one named
    graph per article, replacing earlier graphs of the same articles.

    ``skipped``, ``strict``: as for :func:`extract_articles`; ``on_article`` is
    called with each article once its graph is in the dataset (for progress)."""
    dataset = dataset if dataset is not None else store.new_dataset()
    for document, relations in extract_articles(
        sources,
        lang=lang,
        model=model,
        min_confidence=min_confidence,
        skipped=skipped,
        strict=strict,
        stdin_id=stdin_id,
    ):
        store.add_article(
            dataset, document, relations, pipeline=pipeline_name(document.lang, model)
        )
        if on_article is not None:
            on_article(document)
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
