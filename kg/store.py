"""The graph store: one named graph per article, built from geokg's records.

Only this module turns records into RDF. The model (see DESIGN.md) in short:
an article graph holds the article node, one ``rdf:Statement`` per relation
(with date, negation, hedging, confidence, sentence, offsets and provenance),
the direct triple of every asserted statement and the descriptions of the
actors it uses. IRIs derive from content, so rebuilding an article changes
nothing and an edited article replaces its own graph only.

>>> from kg.records import Actor, Document, Relation
>>> kim = Actor("kim_jong_un", "Kim Jong-un", "Person")
>>> ru = Actor("russia", "Russia", "State", name_nl="Rusland")
>>> doc = Document("a1", "Kim steunt Moskou.", "nl", date="2024-06-19")
>>> ds = new_dataset()
>>> add_article(ds, doc, [Relation("a1", "Kim steunt Moskou.", kim, "supports", ru)])
>>> (ID.kim_jong_un, KG.supports, ID.russia) in ds.graph(article_graph_iri("a1"))
True
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

from kg import __version__, diskstore, vocab
from kg.atomic import atomic_write
from kg.errors import StoreError
from kg.records import ACTOR_CLASSES, Actor, Document, Relation
from kg.vocab import DCTERMS, GRAPH, ID, KG, PROV, WD

log = logging.getLogger(__name__)

#: Where ``kg`` keeps its graph when no --store is given.
DEFAULT_STORE = "out"
_FILE_FORMATS = {".trig": "trig", ".nq": "nquads"}
_REMOTE = ("sparql+http://", "sparql+https://")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_DATE_TYPES = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}


# ------------------------------------------------------------------ IRIs


def article_graph_iri(doc_id: str) -> URIRef:
    """The named graph that holds one article."""
    return GRAPH[quote(doc_id, safe="-._~")]


def article_iri(doc_id: str) -> URIRef:
    return ID["article/" + quote(doc_id, safe="-._~")]


def doc_id_of_graph(graph_iri: URIRef | str) -> str | None:
    """The article id of a named-graph IRI, None when it is not an article graph."""
    text = str(graph_iri)
    return unquote(text[len(str(GRAPH)) :]) if text.startswith(str(GRAPH)) else None


def actor_iri(key: str) -> URIRef:
    """Actor IRI from its key; ``new/...`` keys keep their slash."""
    return ID[quote(key, safe="-._~/")]


def statement_iri(relation: Relation) -> URIRef:
    """Content-derived: the same relation extracted twice gets the same IRI."""
    parts = (
        relation.doc,
        relation.subject.key,
        relation.relation,
        relation.object.key,
        relation.date or "",
        str(relation.negated),
        str(relation.hedged),
        str(relation.start),
    )
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]
    return ID["statement/" + digest]


def build_iri(pipeline: str = "") -> URIRef:
    """The build activity, one per (geokg version, pipeline); no timestamp keeps rebuilds stable."""
    digest = hashlib.sha256(f"{__version__}\x1f{pipeline}".encode()).hexdigest()[:12]
    return ID["build/" + digest]


def date_literal(value: str | None) -> Literal | None:
    """``YYYY``/``YYYY-MM``/``YYYY-MM-DD`` as xsd:gYear/gYearMonth/date; None if absent/invalid."""
    if not value or not _DATE.match(value):
        return None
    literal = Literal(value, datatype=_DATE_TYPES[len(value)])
    return None if literal.ill_typed else literal


# ------------------------------------------------------------ graph building


def _describe_actor(graph: Graph, actor: Actor) -> URIRef:
    node = actor_iri(actor.key)
    kind = actor.kind if actor.kind in ACTOR_CLASSES else "Actor"
    graph.add((node, RDF.type, KG[kind]))
    graph.add((node, RDFS.label, Literal(actor.name, lang="en")))
    if actor.name_nl:
        graph.add((node, RDFS.label, Literal(actor.name_nl, lang="nl")))
    for alias, lang in actor.aliases:
        if alias not in (actor.name, actor.name_nl):
            graph.add((node, SKOS.altLabel, Literal(alias, lang=lang or None)))
    if actor.wikidata and re.fullmatch(r"Q\d+", actor.wikidata):
        graph.add((node, KG.wikidata, WD[actor.wikidata]))
        graph.add((node, OWL.sameAs, WD[actor.wikidata]))
    if actor.country:
        graph.add((node, KG.country, actor_iri(actor.country)))
    return node


def _add_article_node(graph: Graph, document: Document) -> URIRef:
    node = article_iri(document.id)
    graph.add((node, RDF.type, KG.Article))
    graph.add((node, DCTERMS.identifier, Literal(document.id)))
    graph.add((node, DCTERMS.language, Literal(document.lang, datatype=XSD.language)))
    date = date_literal(document.date)
    if date is not None:
        graph.add((node, DCTERMS.date, date))
    if document.source:
        graph.add((node, DCTERMS.source, Literal(document.source)))
    if document.title:
        graph.add((node, DCTERMS.title, Literal(document.title)))
    return node


def _add_statement(
    graph: Graph, relation: Relation, article: URIRef, build: URIRef
) -> URIRef | None:
    if not vocab.is_relation(relation.relation):
        log.warning("%s: skipped a relation with unknown name %r", relation.doc, relation.relation)
        return None
    row = vocab.info(relation.relation)
    subject = _describe_actor(graph, relation.subject)
    obj = _describe_actor(graph, relation.object)
    node = statement_iri(relation)
    confidence = min(max(float(relation.confidence), 0.0), 1.0)
    if confidence != relation.confidence:
        log.warning("%s: confidence %s clamped to [0, 1]", relation.doc, relation.confidence)
    triples = [
        (RDF.type, RDF.Statement),
        (RDF.type, row.statement_class),
        (RDF.subject, subject),
        (RDF.predicate, row.iri),
        (RDF.object, obj),
        (KG.negated, Literal(relation.negated)),
        (KG.hedged, Literal(relation.hedged)),
        (KG.confidence, Literal(Decimal(str(round(confidence, 4))), datatype=XSD.decimal)),
        (KG.sentence, Literal(relation.sentence)),
        (KG.start, Literal(int(relation.start))),
        (KG.end, Literal(int(relation.end))),
        (PROV.wasDerivedFrom, article),
        (PROV.wasGeneratedBy, build),
    ]
    date = date_literal(relation.date)
    if date is not None:
        triples.append((KG.date, date))
    elif relation.date:
        log.warning("%s: dropped the malformed date %r", relation.doc, relation.date)
    if relation.trigger:
        triples.append((KG.trigger, Literal(relation.trigger)))
    if relation.rule:
        triples.append((KG.rule, Literal(relation.rule)))
    for predicate, value in triples:
        graph.add((node, predicate, value))
    if not relation.negated and not relation.hedged:
        graph.add((subject, row.iri, obj))
    return node


def article_graph(
    document: Document, relations: Iterable[Relation], *, pipeline: str = ""
) -> Graph:
    """The named graph of one article, built in memory (nothing is stored)."""
    graph = Graph(identifier=article_graph_iri(document.id))
    for prefix, ns in vocab.PREFIXES.items():
        graph.bind(prefix, ns)
    article = _add_article_node(graph, document)
    build = build_iri(pipeline)
    graph.add((build, RDF.type, KG.Build))
    graph.add((build, RDF.type, PROV.Activity))
    graph.add((build, KG.geokgVersion, Literal(__version__)))
    if pipeline:
        graph.add((build, KG.pipeline, Literal(pipeline)))
    for relation in relations:
        if relation.doc and relation.doc != document.id:
            log.warning("%s: skipped a relation of another article (%s)", document.id, relation.doc)
            continue
        _add_statement(graph, relation, article, build)
    return graph


# ----------------------------------------------------------- dataset editing


def new_dataset() -> Dataset:
    """An empty in-memory Dataset whose default graph is the union of the article graphs."""
    dataset = Dataset(default_union=True)
    for prefix, ns in vocab.PREFIXES.items():
        dataset.bind(prefix, ns)
    return dataset


def _remote_store(dataset: Dataset) -> SPARQLUpdateStore | None:
    store = dataset.store
    return store if isinstance(store, SPARQLUpdateStore) else None


def add_article(
    dataset: Dataset, document: Document, relations: Sequence[Relation], *, pipeline: str = ""
) -> None:
    """Put an article's graph into ``dataset``, replacing any earlier graph of that article.

    On Oxigraph (the folder store) and on a SPARQL server this is one update: the old
    graph is dropped and the new one inserted in one transaction; nothing else is read.
    """
    graph = article_graph(document, relations, pipeline=pipeline)
    native = diskstore.native(dataset)
    if native is not None:
        native.update(diskstore.replace_graph_update(graph, union=True))
        return
    remote = _remote_store(dataset)
    if remote is not None:
        _remote_update(remote, diskstore.replace_graph_update(graph))
        return
    iri = article_graph_iri(document.id)
    dataset.remove_graph(iri)
    target = dataset.graph(iri)
    target += graph


def remove_article(dataset: Dataset, doc_id: str) -> bool:
    """Drop the article's named graph; False when the store has no such article."""
    iri = article_graph_iri(doc_id)
    native = diskstore.native(dataset)
    remote = _remote_store(dataset)
    if native is not None or remote is not None:
        present = bool(dataset.query(f"ASK {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}").askAnswer)
        if present and native is not None:
            native.update(diskstore.drop_graph_update(iri))
        elif present and remote is not None:
            _remote_update(remote, f"DROP SILENT GRAPH <{iri}>")
        return present
    present = len(dataset.graph(iri)) > 0
    dataset.remove_graph(iri)
    return present


def article_ids(dataset: Dataset) -> list[str]:
    """Ids of the articles in the store, sorted."""
    rows = dataset.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?a a <{KG.Article}> }} }}")
    ids = {doc_id_of_graph(row[0]) for row in rows}  # type: ignore[index]
    return sorted(i for i in ids if i)


def _remote_update(store: SPARQLUpdateStore, update: str) -> None:
    try:
        store.update(update)
    except Exception as err:  # urllib and HTTP errors have no common base
        raise StoreError(f"the SPARQL server refused the update: {_one_line(err)}") from err


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split())[:300]


# --------------------------------------------------------------- persistence


def _endpoints(spec: str) -> tuple[str, str]:
    """``sparql+http://host/x/query`` -> (query endpoint, update endpoint)."""
    parts = urlsplit(spec.split("+", 1)[1])
    path = parts.path.rstrip("/")
    if path.endswith("/query"):
        query, update = path, path[: -len("query")] + "update"
    elif path == "":
        query, update = "/query", "/update"  # Oxigraph's layout
    else:
        query = update = path  # one endpoint for both (Fuseki /ds, Virtuoso /sparql)
    base = (parts.scheme, parts.netloc)
    return urlunsplit((*base, query, parts.query, "")), urlunsplit((*base, update, "", ""))


def store_file(spec: str | Path | None) -> Path:
    """The file behind a file store spec (.trig/.nq), or the old ``graph.trig`` of a folder."""
    path = Path(spec if spec is not None else DEFAULT_STORE)
    return path if path.suffix in _FILE_FORMATS else path / diskstore.LEGACY_FILE


def is_remote(spec: str | Path | None) -> bool:
    return isinstance(spec, str) and spec.startswith(_REMOTE)


def kind(spec: str | Path | None) -> str:
    """``remote`` (a SPARQL server), ``file`` (.trig/.nq, rdflib in memory) or ``folder``
    (Oxigraph on disk, the default)."""
    if is_remote(spec):
        return "remote"
    return (
        "file"
        if Path(spec if spec is not None else DEFAULT_STORE).suffix in _FILE_FORMATS
        else "folder"
    )


def location(spec: str | Path | None) -> Path:
    """The Oxigraph folder of a folder spec (``out`` -> ``out/store``)."""
    return diskstore.location(spec if spec is not None else DEFAULT_STORE)


def _lock_target(spec: str | Path | None) -> Path:
    """What a local store's lock is named after: the Oxigraph folder or the store file."""
    return store_file(spec) if kind(spec) == "file" else location(spec)


def open_store(
    spec: str | Path | None = None, *, create: bool = False, write: bool = False
) -> Dataset:
    """Open the store named by ``spec`` (folder, .trig/.nq file or ``sparql+http(s)://`` URL).

    A missing local store is a StoreError unless ``create`` is true (then it is empty).
    A folder store opens read-only unless ``write``; hold :func:`reading` or
    :func:`writing` around its use (or let :func:`reading` open it).
    """
    if is_remote(spec):
        assert isinstance(spec, str)
        query, update = _endpoints(spec)
        store = SPARQLUpdateStore(query_endpoint=query, update_endpoint=update)
        dataset = Dataset(store=store, default_union=True)
        try:
            dataset.query("ASK { ?s ?p ?o }")
        except Exception as err:
            raise StoreError(f"cannot reach the SPARQL store {spec}: {_one_line(err)}") from err
        return dataset
    if kind(spec) == "folder":
        loc = location(spec)
        if not _migrated(spec):
            return _parse_file(store_file(spec))
        if write:
            return diskstore.as_dataset(diskstore.open_native(loc, write=True), loc)
        if diskstore.is_store_folder(loc):
            return diskstore.as_dataset(diskstore.open_native(loc, write=False), loc)
        if create:
            return new_dataset()
        raise StoreError(f"no graph store at {loc}: run `kg build` first or pass --store")
    path = store_file(spec)
    if not path.exists():
        if create:
            return new_dataset()
        raise StoreError(f"no graph store at {path}: run `kg build` first or pass --store")
    return _parse_file(path)


def _migrated(spec: str | Path | None) -> bool:
    """Migrate an old ``graph.trig`` folder store; False when it must be read as a file."""
    folder = Path(spec if spec is not None else DEFAULT_STORE)
    return not diskstore.needs_migration(folder) or diskstore.migrate(folder, LOCK_TIMEOUT_S)


def _parse_file(path: Path) -> Dataset:
    dataset = new_dataset()
    try:
        dataset.parse(path, format=_FILE_FORMATS[path.suffix])
    except Exception as err:  # rdflib raises many parser error types
        raise StoreError(f"cannot read the graph store {path}: {_one_line(err)}") from err
    return dataset


def close(dataset: Dataset) -> None:
    """Let go of a folder store's files (other stores need nothing)."""
    diskstore.close(dataset)


#: How long a command waits for another one writing the same store.
LOCK_TIMEOUT_S = 3600.0


@contextmanager
def writing(spec: str | Path | None = None, *, timeout: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Hold a local store's write lock for the block: no other command reads or writes it.

    A file store (.trig/.nq) is read, changed and saved whole, so two commands that
    build into one at the same time would otherwise each save their own copy and the
    last would drop the other's articles; with the lock they take turns. A folder store
    needs the lock only per commit (:func:`adding` takes it itself); a remote store
    none, each article being one update of its own graph there. The store's folder is
    made for the lock file and removed again if nothing else was written into it.
    """
    if is_remote(spec):
        yield
        return
    target = _lock_target(spec)
    made = not target.parent.exists()
    try:
        with diskstore.locked(target, "write", timeout):
            yield
    finally:
        if made and {p.name for p in target.parent.iterdir()} <= {diskstore.lock_path(target).name}:
            diskstore.lock_path(target).unlink(missing_ok=True)
            target.parent.rmdir()


@contextmanager
def reading(
    spec: str | Path | None = None, *, timeout: float = LOCK_TIMEOUT_S
) -> Iterator[Dataset]:
    """The store opened for reading, for the block; a folder store's writers wait for it.

    Readers share the lock (many ``kg query`` at once); a build's commit waits until
    they are done, and they wait for a commit in progress (milliseconds).
    """
    if (
        kind(spec) != "folder"
        or not _migrated(spec)
        or not diskstore.is_store_folder(location(spec))
    ):
        yield open_store(spec)
        return
    with diskstore.locked(location(spec), "read", timeout):
        dataset = open_store(spec)
        try:
            yield dataset
        finally:
            close(dataset)


@contextmanager
def adding(
    spec: str | Path | None = None, *, timeout: float = LOCK_TIMEOUT_S, atomic: bool = False
) -> Iterator[Callable[..., None]]:
    """A function ``put(document, relations, pipeline="")`` that stores one article.

    Folder store: each article is one transaction under the write lock, committed as
    soon as it is put (a build killed half-way keeps the articles it had put, and
    every graph is the old one or the new one). Remote store: one update per article.
    File store: the whole file under the lock, saved when the block ends without error.
    ``atomic`` (``kg build --strict``): a folder store gets every article of the block in
    one transaction when it ends without error, or none.
    """
    if kind(spec) == "folder":
        if not _migrated(spec):
            raise StoreError(
                f"cannot make the store {location(spec)} from {store_file(spec)}: the folder "
                "is not writable"
            )
        loc = location(spec)
        pending: list[str] = []

        def put(document: Document, relations: Sequence[Relation], pipeline: str = "") -> None:
            graph = article_graph(document, relations, pipeline=pipeline)
            update = diskstore.replace_graph_update(graph, union=True)
            if atomic:
                pending.append(update)
            else:
                diskstore.commit(loc, update, timeout)

        yield put
        if pending:
            diskstore.commit(loc, " ;\n".join(pending), timeout)
        return
    with writing(spec, timeout=timeout):
        dataset = open_store(spec, create=True)

        def put_in(document: Document, relations: Sequence[Relation], pipeline: str = "") -> None:
            add_article(dataset, document, relations, pipeline=pipeline)

        yield put_in
        save(dataset, spec)


def save(dataset: Dataset, spec: str | Path | None = None) -> None:
    """Make the store ``spec`` hold ``dataset``: a file store is written atomically; a
    folder store is replaced in one transaction unless ``dataset`` is that store (then
    it is already saved); a remote store is already up to date."""
    if is_remote(spec):
        return
    if kind(spec) == "folder":
        loc = location(spec)
        if getattr(dataset, "geokg_location", None) == loc:
            return
        buffer = io.BytesIO()
        dataset.serialize(buffer, format="nquads")
        try:
            diskstore.load_nquads(loc, buffer.getvalue())
        except OSError as err:
            raise StoreError(f"cannot write the graph store {loc}: {err.strerror or err}") from err
        return
    path = store_file(spec)
    try:
        with atomic_write(path, "wb", encoding=None) as fh:
            dataset.serialize(fh, format=_FILE_FORMATS[path.suffix])
    except OSError as err:
        raise StoreError(f"cannot write the graph store {path}: {err.strerror or err}") from err


def snapshot(dataset: Dataset) -> Dataset:
    """A local in-memory copy of every article graph (for exports and analysis of any
    store); an in-memory store is returned as it is."""
    if diskstore.native(dataset) is not None:
        buffer = io.BytesIO()
        diskstore.dump(dataset, buffer, "nquads")
        copy = new_dataset()
        copy.parse(data=buffer.getvalue().decode("utf-8"), format="nquads")
        return copy
    if _remote_store(dataset) is None:
        return dataset
    copy = new_dataset()
    rows = dataset.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    for g, s, p, o in rows:  # type: ignore[misc]
        copy.add((s, p, o, copy.graph(g)))
    return copy
