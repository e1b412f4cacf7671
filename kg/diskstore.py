"""The default store: Oxigraph's on-disk store (RocksDB) in the output folder, grown in place.

``kg build -o out/`` keeps its graph in ``out/store/``. Writing an article is one SPARQL
update on that article's named graph (drop and insert in one transaction), so adding an
article costs that article, not the store; queries run on Oxigraph's own engine. Why
Oxigraph, and the measurement: docs/STORE.md.

Who may open the folder when: a reader-writer lock (``out/store.lock``, SQLite through
filelock, released by the system when a process dies). A writer holds it exclusively
for one commit (open read-write, update, close: ~20 ms of overhead), so concurrent
builds interleave their articles; readers share it for as long as they read, and open
the folder read-only. Oxigraph calls a read-only handle open beside a writer undefined
behaviour: with the lock there never is one.

A folder that still holds an old ``graph.trig`` store (before this module) is migrated
into ``store/`` the first time a command opens it; ``graph.trig`` is left as it was.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph
from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.query import Result
from rdflib.store import Store

from kg.errors import StoreError

if TYPE_CHECKING:
    from collections.abc import Iterable

log = logging.getLogger(__name__)

#: The Oxigraph folder inside an output folder.
STORE_DIR = "store"
#: The file that was the store before (and is now an export).
LEGACY_FILE = "graph.trig"


def is_store_folder(path: Path) -> bool:
    """Whether ``path`` is an Oxigraph (RocksDB) folder."""
    return (path / "CURRENT").is_file()


def location(folder: str | Path) -> Path:
    """The Oxigraph folder of a folder spec: the folder itself when it is one, else FOLDER/store."""
    path = Path(folder)
    return path if is_store_folder(path) else path / STORE_DIR


def lock_path(loc: Path) -> Path:
    return loc.with_name(loc.name + ".lock")


@contextlib.contextmanager
def locked(loc: Path, mode: str, timeout: float) -> Iterator[None]:
    """Hold the store's lock: ``write`` alone, ``read`` shared with other readers."""
    from filelock import ReadWriteLock, Timeout

    loc.parent.mkdir(parents=True, exist_ok=True)
    lock = ReadWriteLock(lock_path(loc), timeout=timeout, is_singleton=False)
    hold = lock.write_lock if mode == "write" else lock.read_lock
    try:
        with hold():
            yield
    except Timeout as err:
        raise StoreError(
            f"{loc} is being written by another kg command (lock {lock_path(loc)} held for "
            f"over {timeout:.0f} s); wait for it to finish"
        ) from err
    finally:
        lock.close()


def open_native(loc: Path, *, write: bool) -> pyoxigraph.Store:
    """The pyoxigraph store of ``loc``: read-write (made if missing) or read-only."""
    import pyoxigraph

    try:
        if write:
            loc.mkdir(parents=True, exist_ok=True)
            return pyoxigraph.Store(str(loc))
        return pyoxigraph.Store.read_only(str(loc))
    except OSError as err:
        text = " ".join(str(err).split())[:300]
        if "lock" in text.lower():
            text += " (another program, e.g. `oxigraph serve`, has the folder open)"
        raise StoreError(f"cannot open the graph store {loc}: {text}") from err


def as_dataset(native: pyoxigraph.Store, loc: Path) -> Dataset:
    """An rdflib Dataset over ``native``: the default graph is the union of the article graphs."""
    from kg import vocab

    dataset = Dataset(store=OxigraphStore(native), default_union=True)
    for prefix, ns in vocab.PREFIXES.items():
        dataset.bind(prefix, ns)
    dataset.geokg_location = loc  # type: ignore[attr-defined]
    return dataset


def native(dataset: Any) -> pyoxigraph.Store | None:
    """The pyoxigraph store behind ``dataset``, None for any other store."""
    store = getattr(dataset, "store", None)
    return store.native if isinstance(store, OxigraphStore) else None


def close(dataset: Any) -> None:
    """Let go of the folder (the handle closes when its last query result is gone)."""
    if native(dataset) is not None:
        dataset.store.native = None


def replace_graph_update(graph: Graph, *, union: bool = False) -> str:
    """One SPARQL update that makes the named graph ``graph.identifier`` hold ``graph``.

    ``union``: also keep the default graph the union of the named graphs (the folder
    store's layout, see :func:`drop_graph_update`).
    """
    iri = graph.identifier
    body = graph.serialize(format="nt")
    drop = drop_graph_update(iri) if union else f"DROP SILENT GRAPH <{iri}>"
    insert = f"INSERT DATA {{ GRAPH <{iri}> {{\n{body}}} }}"
    return f"{drop} ;\n{insert}" + (f" ;\nINSERT DATA {{\n{body}}}" if union else "")


def drop_graph_update(iri: str) -> str:
    """Drop a named graph and the triples of the default graph that only it held.

    The folder store keeps its default graph the union (a set) of the article graphs:
    Oxigraph's own union default graph repeats a triple once per graph that holds it
    (an actor's label once per article), where SPARQL's merged default graph, and
    rdflib's, hold it once. Kept up to date by every write, it costs the article's
    triples, looked up in Oxigraph's subject-first index.
    """
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != <{iri}>) }} }} ;\n"
        f"DROP SILENT GRAPH <{iri}>"
    )


#: Remake the default graph as the union of the named graphs (after a bulk load or a
#: user's SPARQL update).
REBUILD_UNION = "CLEAR SILENT DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def commit(loc: Path, update: str, timeout: float) -> None:
    """Run ``update`` on the store in one transaction, under the write lock."""
    with locked(loc, "write", timeout):
        store = open_native(loc, write=True)
        try:
            store.update(update)
        except (OSError, SyntaxError) as err:
            raise StoreError(f"cannot write the graph store {loc}: {err}") from err
        finally:
            del store


def load_nquads(loc: Path, data: bytes) -> None:
    """Replace everything in the store at ``loc`` with ``data`` (N-Quads), in one transaction
    (caller holds the write lock)."""

    store = open_native(loc, write=True)
    body = data.decode("utf-8")
    store.update(f"CLEAR ALL ; INSERT DATA {{ {_nquads_as_update(body)} }} ; {REBUILD_UNION}")
    del store


def _nquads_as_update(body: str) -> str:
    """N-Quads as the body of an INSERT DATA (GRAPH blocks)."""
    graphs: dict[str, list[str]] = {}
    for quad in pyoxigraph.parse(body.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS):
        name = quad.graph_name
        key = "" if isinstance(name, pyoxigraph.DefaultGraph) else str(name)
        graphs.setdefault(key, []).append(f"{quad.subject} {quad.predicate} {quad.object} .")
    return "\n".join(
        (f"GRAPH {key} {{\n" + "\n".join(lines) + "\n}") if key else "\n".join(lines)
        for key, lines in graphs.items()
    )


def migrate(folder: Path, timeout: float) -> bool:
    """Move an old ``graph.trig`` store of ``folder`` into ``folder/store/``.

    The file is loaded into a temporary folder that is renamed into place, so an
    interrupted migration leaves the old store as it was; ``graph.trig`` itself is kept.
    False when the folder cannot be written (the caller reads the file instead).
    """
    import pyoxigraph

    legacy, loc = folder / LEGACY_FILE, folder / STORE_DIR
    try:
        with locked(loc, "write", timeout):
            if is_store_folder(loc) or not legacy.exists():
                return True  # another command migrated it meanwhile
            work = folder / ".store.migrating"
            shutil.rmtree(work, ignore_errors=True)
            try:
                store = pyoxigraph.Store(str(work))
                store.bulk_load(path=str(legacy), format=pyoxigraph.RdfFormat.TRIG)
                store.update(REBUILD_UNION)
                store.flush()
                del store
            except SyntaxError as err:
                shutil.rmtree(work, ignore_errors=True)
                raise StoreError(f"cannot read the graph store {legacy}: {err}") from err
            if loc.exists():
                shutil.rmtree(loc)  # an empty or unfinished folder, not a store
            os.replace(work, loc)
    except OSError as err:
        log.warning("cannot migrate %s into %s (%s); reading the file", legacy, loc, err)
        return False
    log.warning(
        "%s was the store of an older geokg: copied into %s, which is the store from now "
        "on; %s is kept as it was (`kg export` or `kg build --export` rewrite it)",
        legacy,
        loc,
        legacy,
    )
    return True


def needs_migration(folder: Path) -> bool:
    return (folder / LEGACY_FILE).is_file() and not is_store_folder(folder / STORE_DIR)


def dump(dataset: Any, fh: Any, fmt: str) -> bool:
    """Write the native store as ``nquads`` or ``trig`` with Oxigraph's own writer;
    False when ``dataset`` is not a native store."""
    import pyoxigraph

    store = native(dataset)
    if store is None:
        return False
    from kg import vocab

    quads = named_quads(store)
    if fmt == "nquads":
        pyoxigraph.serialize(quads, fh, format=pyoxigraph.RdfFormat.N_QUADS)
    else:
        pyoxigraph.serialize(
            quads, fh, format=pyoxigraph.RdfFormat.TRIG, prefixes=dict(vocab.PREFIXES)
        )
    return True


def named_quads(store: pyoxigraph.Store, *pattern: Any) -> Iterator[pyoxigraph.Quad]:
    """The quads of the named graphs (the article graphs), not of the default union."""
    s, p, o = pattern or (None, None, None)
    for quad in store.quads_for_pattern(s, p, o, None):
        if not isinstance(quad.graph_name, pyoxigraph.DefaultGraph):
            yield quad


# ------------------------------------------------ rdflib's view of the store

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_ox(term: Any) -> Any:
    """An rdflib term (or Graph, for its name) as an Oxigraph term; None stays None."""
    if term is None:
        return None
    if isinstance(term, Graph):
        term = term.identifier
    if term == DATASET_DEFAULT_GRAPH_ID:
        return pyoxigraph.DefaultGraph()
    if isinstance(term, URIRef):
        return pyoxigraph.NamedNode(str(term))
    if isinstance(term, BNode):
        return pyoxigraph.BlankNode(str(term))
    if isinstance(term, Literal):
        datatype = pyoxigraph.NamedNode(str(term.datatype)) if term.datatype else None
        return pyoxigraph.Literal(str(term), language=term.language, datatype=datatype)
    raise ValueError(f"not an RDF term: {term!r}")


def from_ox(term: Any) -> Any:
    """An Oxigraph term as rdflib's: a plain string stays a plain Literal (no ^^xsd:string)."""
    if term is None:
        return None
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))
    raise ValueError(f"not an RDF term: {term!r}")


class OxigraphStore(Store):
    """rdflib's Store interface over a pyoxigraph store, for what reads the graph through
    rdflib (pyshacl, the page, Python callers). geokg's own paths call Oxigraph directly:
    updates per article graph, queries, dumps (oxrdflib does the same job; this one keeps
    plain strings plain and lets rdflib name graphs on a read-only handle)."""

    context_aware = True
    graph_aware = True
    formula_aware = False
    transaction_aware = False

    def __init__(self, store: pyoxigraph.Store) -> None:
        super().__init__()
        self.native: pyoxigraph.Store | None = store
        self._namespaces: dict[str, URIRef] = {}

    @property
    def _ox(self) -> pyoxigraph.Store:
        if self.native is None:
            raise ValueError("the store was closed")
        return self.native

    def triples(self, triple_pattern: Any, context: Any = None) -> Iterator[Any]:
        s, p, o = (to_ox(t) for t in triple_pattern)
        graph = to_ox(context)
        quads = (
            named_quads(self._ox, s, p, o)
            if graph is None
            else self._ox.quads_for_pattern(s, p, o, graph)
        )
        for quad in quads:
            name = quad.graph_name
            ctx = Graph(
                store=self,
                identifier=DATASET_DEFAULT_GRAPH_ID
                if isinstance(name, pyoxigraph.DefaultGraph)
                else from_ox(name),
            )
            yield (
                (from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)),
                iter((ctx,)),
            )

    def __len__(self, context: Any = None) -> int:
        graph = to_ox(context)
        if graph is None:  # the union: the default graph (a set), as rdflib counts it
            graph = pyoxigraph.DefaultGraph()
        return sum(1 for _ in self._ox.quads_for_pattern(None, None, None, graph))

    def contexts(self, triple: Any = None) -> Iterator[Graph]:
        if triple is None:
            for name in self._ox.named_graphs():
                yield Graph(store=self, identifier=from_ox(name))
            return
        for _, ctxs in self.triples(triple):
            yield from ctxs

    def add(self, triple: Any, context: Any, quoted: bool = False) -> None:
        self._ox.add(pyoxigraph.Quad(*(to_ox(t) for t in triple), to_ox(context)))

    def addN(self, quads: Iterable[Any]) -> None:
        self._ox.extend([pyoxigraph.Quad(*(to_ox(t) for t in q)) for q in quads])

    def remove(self, triple: Any, context: Any = None) -> None:
        s, p, o = (to_ox(t) for t in triple)
        for quad in list(self._ox.quads_for_pattern(s, p, o, to_ox(context))):
            self._ox.remove(quad)

    def add_graph(self, graph: Graph) -> None:
        pass  # rdflib announces graphs; Oxigraph needs no empty named graph of ours

    def remove_graph(self, graph: Graph) -> None:
        self._ox.update(drop_graph_update(str(graph.identifier)))

    def query(self, query, initNs, initBindings, queryGraph, **kwargs):
        if not isinstance(query, str) or kwargs:
            raise NotImplementedError  # rdflib falls back to its own engine
        answer = self._ox.query(
            query,
            prefixes={**{p: str(n) for p, n in self._namespaces.items()}, **initNs},
            # the default graph is the union (kept so by every write)
            substitutions={pyoxigraph.Variable(k): to_ox(v) for k, v in initBindings.items()},
        )
        return result_of(answer)

    def update(self, update, initNs, initBindings, queryGraph, **kwargs):
        if not isinstance(update, str) or kwargs or initBindings:
            raise NotImplementedError
        prefixes = {**{p: str(n) for p, n in self._namespaces.items()}, **initNs}
        self._ox.update(update, prefixes=prefixes)
        self._ox.update(REBUILD_UNION)  # whatever it changed, the default graph is the union

    def bind(self, prefix: str, namespace: Any, override: bool = True) -> None:
        if override or prefix not in self._namespaces:
            self._namespaces[prefix] = URIRef(namespace)

    def namespace(self, prefix: str) -> URIRef | None:
        return self._namespaces.get(prefix)

    def prefix(self, namespace: Any) -> str | None:
        return next((p for p, n in self._namespaces.items() if n == namespace), None)

    def namespaces(self) -> Iterator[tuple[str, URIRef]]:
        yield from self._namespaces.items()


def result_of(answer: Any) -> Result:
    """An rdflib Result of an Oxigraph answer; a SELECT's rows are converted as read."""
    if isinstance(answer, pyoxigraph.QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(answer)
        return result
    if isinstance(answer, pyoxigraph.QueryTriples):
        result = Result("CONSTRUCT")
        result.graph = Graph()
        for triple in answer:
            result.graph.add(
                (from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object))
            )
        return result
    names = [v.value for v in answer.variables]
    result = Result("SELECT")
    result.vars = [Variable(n) for n in names]
    result._bindings = []
    result._genbindings = (
        {Variable(n): from_ox(t) for n, t in zip(names, row, strict=True) if t is not None}
        for row in answer
    )
    return result
