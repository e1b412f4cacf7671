"""The end-to-end path: articles -> parsed docs -> actors -> relations -> graph.

>>> import kg
>>> dataset = kg.build(["seeds/"])  # doctest: +SKIP
>>> len(dataset)  # doctest: +SKIP
"""

from __future__ import annotations

import functools
import itertools
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Dataset
from spacy.tokens import Doc

from kg import __version__, store
from kg.errors import ExtractionError, InputError, ModelError
from kg.extract import extract
from kg.ingest import iter_articles
from kg.nlp import CHUNK_CHARS, load, parse
from kg.records import Document, Relation
from kg.resolve import Resolution, resolve

log = logging.getLogger(__name__)


def analyse_document(
    document: Document, *, model: str | None = None, doc: Doc | None = None
) -> tuple[Resolution, list[Relation]]:
    """Parse an article (unless ``doc`` is its parse), resolve its actors and
    extract its relations."""
    if doc is None:
        doc = parse(load(document.lang, model), document.text)
    resolution = resolve(doc, document)
    relations = extract(doc, document, resolution)
    return resolution, sorted(
        relations, key=lambda r: (r.start, r.subject.name, r.relation, r.object.name, r.date or "")
    )


def extract_document(
    document: Document,
    *,
    model: str | None = None,
    min_confidence: float = 0.0,
    doc: Doc | None = None,
) -> list[Relation]:
    """The relations one article states, in text order (``doc``: its parse, if done)."""
    _resolution, relations = analyse_document(document, model=model, doc=doc)
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
    workers: int = 1,
    scheduler: Any = None,
) -> Iterator[tuple[Document, list[Relation]]]:
    """Read and extract every article of ``sources`` (files, folders, ``-``), in order.

    An article that cannot be read or fails in extraction is logged, added to
    ``skipped`` (when given) and passed over, so that one bad article never loses
    the rest of a batch; with ``strict`` the first failure raises instead.
    ``workers`` > 1 extracts in that many processes, with the same output.
    ``scheduler``: a Dask distributed scheduler's address (``tcp://host:8786``) or a
    ``distributed.Client``: the articles are extracted on that cluster's workers, in
    batches, with the same output in the same order (docs/SCALE.md).
    """

    def skip(source: str, reason: str) -> None:
        if strict:
            raise InputError(reason)
        if skipped is not None:
            skipped.append(Skipped(source, reason))  # the caller reports it
        else:
            log.error("skipped %s", reason)

    # Articles are read ahead, a batch at a time; an article that cannot be read is
    # reported in its place among the others, as when they were read one by one.
    unread: list[tuple[str, str]] = []

    def in_order() -> Iterator[Document | tuple[str, str]]:
        for document in iter_articles(
            sources, lang=lang, on_error=lambda *args: unread.append(args), stdin_id=stdin_id
        ):
            yield from unread
            unread.clear()
            yield document
        yield from unread

    items = in_order()
    if scheduler is not None:
        outcomes = _extract_on_dask(items, scheduler, model, min_confidence)
    elif workers > 1:
        outcomes = _extract_in_processes(items, workers, model, min_confidence)
    else:
        outcomes = _extract_in_batches(items, model, min_confidence)
    for outcome in outcomes:
        if isinstance(outcome, tuple) and len(outcome) == 2:
            skip(*outcome)
            continue
        document, relations, failure = outcome
        if failure is None:
            yield document, relations
            continue
        kind, message = failure
        if kind == "ModelError":
            raise ModelError(message)  # no pipeline: every other article would fail the same way
        where = document.source or document.id
        reason = f"{where}: extraction failed ({kind}: {message})"
        if strict:
            raise ExtractionError(reason)
        skip(where, reason)


#: Articles handed to the worker processes at a time: enough to keep them busy,
#: few enough that memory stays bounded however long the input.
BATCH_ARTICLES = 64

#: Articles parsed with one ``nlp.pipe`` call: the network runs on all of them at
#: once, much faster than one call per article (docs/BENCHMARKS.md).
PIPE_ARTICLES = 16

_Outcome = tuple[Document, list[Relation], tuple[str, str] | None]
#: An outcome, or an article that could not be read: (source, reason).
_Item = _Outcome | tuple[str, str]


def _extract_one(task: tuple[Document, str | None, float], doc: Doc | None = None) -> _Outcome:
    """Extract one article; a failure comes back as (exception class, message)."""
    document, model, min_confidence = task
    log.info("extracting %s (%s, %s)", document.id, document.lang, document.date)
    try:
        return (
            document,
            extract_document(document, model=model, min_confidence=min_confidence, doc=doc),
            None,
        )
    except Exception as err:
        return document, [], (type(err).__name__, str(err))


def _extract_batch(task: tuple[list[Document | tuple[str, str]], str | None, float]) -> list[_Item]:
    """``_extract_one`` over the articles of ``task``, parsed together per language;
    unread articles pass through in their place."""
    items, model, min_confidence = task
    documents = {i: d for i, d in enumerate(items) if isinstance(d, Document)}
    docs: dict[int, Doc] = {}
    try:
        for lang in dict.fromkeys(d.lang for d in documents.values()):
            # long texts are parsed in pieces, by _extract_one
            ids = [i for i, d in documents.items() if d.lang == lang and len(d.text) <= CHUNK_CHARS]
            texts = [documents[i].text for i in ids]
            parsed = load(lang, model).pipe(texts, batch_size=PIPE_ARTICLES)
            docs.update(zip(ids, parsed, strict=True))
    except Exception:
        docs = {}  # parse them one by one: the failure belongs to its own article
    return [
        _extract_one((item, model, min_confidence), docs.pop(i, None))
        if isinstance(item, Document)
        else item
        for i, item in enumerate(items)
    ]


def _extract_in_batches(
    items: Iterator[Document | tuple[str, str]], model: str | None, min_confidence: float
) -> Iterator[_Item]:
    """``_extract_batch`` over ``items``, PIPE_ARTICLES at a time, in input order."""
    while batch := list(itertools.islice(items, PIPE_ARTICLES)):
        yield from _extract_batch((batch, model, min_confidence))


def _extract_in_processes(
    items: Iterator[Document | tuple[str, str]],
    workers: int,
    model: str | None,
    min_confidence: float,
) -> Iterator[_Item]:
    """``_extract_batch`` over ``items`` in ``workers`` processes, in input order.

    Documents are read here, in the calling process, one batch at a time; each
    worker loads the pipelines once (with fork, they share the parent's pages).
    """
    import multiprocessing
    import sys

    fork = sys.platform == "linux"
    if fork:
        # Load the pipelines, gazetteer and lexicon here once: forked workers share
        # them instead of each spending seconds loading its own.
        for lang in ("nl", "en"):
            _extract_one((Document("warm-up", "Rutte sprak met Macron.", lang), model, 1.0))
    context = multiprocessing.get_context("fork" if fork else "spawn")
    with context.Pool(workers) as pool:
        while batch := list(itertools.islice(items, BATCH_ARTICLES)):
            # small parse batches, so that every worker gets some
            size = max(1, min(PIPE_ARTICLES, -(-len(batch) // (2 * workers))))
            tasks = [
                (batch[i : i + size], model, min_confidence) for i in range(0, len(batch), size)
            ]
            for outcomes in pool.imap(_extract_batch, tasks, chunksize=1):
                yield from outcomes


#: Seconds to wait for a Dask scheduler to answer.
DASK_CONNECT_S = 30


def _extract_on_dask(
    items: Iterator[Document | tuple[str, str]],
    scheduler: Any,
    model: str | None,
    min_confidence: float,
) -> Iterator[_Item]:
    """``_extract_batch`` over ``items`` on a Dask distributed cluster, in input order.

    Articles are read here and sent PIPE_ARTICLES at a time; at most two batches per
    worker thread are in flight, so memory stays bounded however long the input. Each
    worker process loads the pipelines once (``kg.nlp.load`` caches them) and needs
    geokg installed, the same version as here.
    """
    try:
        from distributed import Client
    except ImportError as err:
        raise InputError(
            "extracting on a Dask cluster needs dask.distributed: pip install 'geokg[dask]'"
        ) from err
    from collections import deque

    client = scheduler if isinstance(scheduler, Client) else None
    if client is None:
        try:
            client = Client(scheduler, timeout=DASK_CONNECT_S)
        except (OSError, TimeoutError) as err:
            raise InputError(f"cannot reach the Dask scheduler {scheduler}: {err}") from err
    try:
        threads = sum(client.nthreads().values()) or 1
        in_flight: deque = deque()
        while True:
            while len(in_flight) < 2 * threads and (
                batch := list(itertools.islice(items, PIPE_ARTICLES))
            ):
                task = (batch, model, min_confidence)
                in_flight.append(client.submit(_extract_batch, task, pure=False))
            if not in_flight:
                break
            yield from in_flight.popleft().result()
    finally:
        if client is not scheduler:
            client.close()


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
    workers: int = 1,
    put: Callable[..., None] | None = None,
    scheduler: Any = None,
) -> Dataset | None:
    """Extract ``sources`` into ``dataset`` (a new one by default), one named
    graph per article, replacing earlier graphs of the same articles.

    ``skipped``, ``strict``: as for :func:`extract_articles`; ``on_article`` is
    called with each article once its graph is in the dataset (for progress).
    ``put``: store each article with it instead (``kg.store.adding``, which commits
    it at once); then None is returned. ``scheduler``: extract on a Dask cluster
    (:func:`extract_articles`); the articles are still written here, in input order."""
    if put is None:
        dataset = dataset if dataset is not None else store.new_dataset()
        put = functools.partial(store.add_article, dataset)
    for document, relations in extract_articles(
        sources,
        lang=lang,
        model=model,
        min_confidence=min_confidence,
        skipped=skipped,
        strict=strict,
        stdin_id=stdin_id,
        workers=workers,
        scheduler=scheduler,
    ):
        put(document, relations, pipeline=pipeline_name(document.lang, model))
        if on_article is not None:
            on_article(document)
    return dataset


#: The fields of a relation record (the JSONL contract), in order.
FIELDS = (
    "doc",
    "sentence",
    "subject",
    "relation",
    "object",
    "date",
    "negated",
    "hedged",
    "confidence",
    "subject_id",
    "object_id",
    "start",
    "end",
    "trigger",
    "rule",
)


def relation_record(relation: Relation) -> dict:
    """A relation in the JSONL contract: the gold fields of ANNOTATION.md plus
    confidence, actor IRIs, character offsets into the source file, the trigger words
    and the rule that stated it."""
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
        "rule": relation.rule,
    }
