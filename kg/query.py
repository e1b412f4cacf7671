"""SPARQL over the store: read-only by default, ready queries by name, results as text.

Prefixes kg:, id:, rdf:, rdfs:, owl:, skos:, prov:, dcterms:, xsd:, wd: are
pre-bound. Parameters are bound as RDF terms in a VALUES block (serialised by
rdflib, so a value can never change the query's shape).

>>> from kg.store import new_dataset
>>> format_result(run(new_dataset(), "ASK { ?s ?p ?o }"), "table")
'false'
"""

from __future__ import annotations

import csv
import itertools
import json
import re
import time
from collections.abc import Mapping
from decimal import Decimal
from functools import cache
from itertools import product
from typing import IO

import pyoxigraph
from rdflib import XSD, BNode, Dataset, Literal, URIRef, Variable
from rdflib.query import Result

from kg import diskstore, vocab
from kg.errors import QueryError
from kg.resources import ontology_file
from kg.tables import RECORD_FORMATS, cell, format_records, table, tsv_cell

RESULT_FORMATS = RECORD_FORMATS
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_COMMENT_LINE = re.compile(r"^\s*#.*$", re.MULTILINE)
_PREFIXED = re.compile(r"^([A-Za-z][\w-]*):([^\s<>\"{}|^`\\]*)$")


@cache
def ready_queries() -> dict[str, str]:
    """The ready queries of ``ontology/queries/*.rq`` by name (file stem)."""
    folder = ontology_file("queries")
    return {
        entry.name[: -len(".rq")]: entry.read_text(encoding="utf-8")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".rq")
    }


def ready_query(name: str) -> str:
    try:
        return ready_queries()[name]
    except KeyError:
        known = ", ".join(ready_queries())
        raise QueryError(f"no ready query named {name!r}; known: {known}") from None


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split())[:300]


def param_term(value: str) -> URIRef | Literal:
    """A parameter value as an RDF term: ``<iri>`` or ``prefix:name`` -> IRI, else a string."""
    if value.startswith("<") and value.endswith(">") and len(value) > 2:
        return URIRef(value[1:-1])
    match = _PREFIXED.match(value)
    if match and match.group(1) in vocab.PREFIXES:
        return URIRef(vocab.PREFIXES[match.group(1)] + match.group(2))
    return Literal(value)


def _forms(term: URIRef | Literal) -> list[URIRef | Literal]:
    """A plain string also matches its @en and @nl forms (labels are language-tagged)."""
    if isinstance(term, Literal) and term.language is None and term.datatype is None:
        return [term, Literal(str(term), lang="en"), Literal(str(term), lang="nl")]
    return [term]


def bind_parameters(text: str, params: Mapping[str, str | URIRef | Literal]) -> str:
    """Insert ``VALUES (?name ...) { (term ...) ... }`` at the start of the WHERE group.

    Values are joined, not pasted: the query uses the variable in a pattern
    (``?a rdfs:label ?actor``), which every SPARQL engine evaluates the same way.
    """
    if not params:
        return text
    names = list(params)
    for name in names:
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise QueryError(f"bad parameter name {name!r}: use letters, digits and _")
        if not re.search(rf"[?$]{name}\b", text):
            raise QueryError(f"the query has no variable ?{name} to bind")
    terms = [v if isinstance(v, URIRef | Literal) else param_term(v) for v in params.values()]
    try:
        # rdflib escapes literals and refuses IRIs with characters that could break out.
        rows = [" ".join(t.n3() for t in row) for row in product(*(_forms(t) for t in terms))]
    except Exception as err:
        raise QueryError(f"bad parameter value: {_one_line(err)}") from err
    values = "VALUES ({}) {{ {} }}".format(
        " ".join("?" + n for n in names), " ".join(f"({r})" for r in rows)
    )
    # Blank out comments so a WHERE inside one is not taken for the real one.
    blanked = _COMMENT_LINE.sub(lambda m: " " * len(m.group(0)), text)
    match = _WHERE.search(blanked)
    if match is None:
        raise QueryError("parameters need a query with a WHERE { ... } clause")
    return f"{text[: match.end()]}\n  {values}\n{text[match.end() :]}"


def standalone(text: str, params: Mapping[str, str | URIRef | Literal] | None = None) -> str:
    """The query with geokg's PREFIX lines and its parameters bound: ready for any endpoint."""
    prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in vocab.PREFIXES.items())
    return prologue + bind_parameters(text, params or {})


#: Parts of SPARQL that reach outside the store, by rdflib's parse-tree name: a
#: federated SERVICE call, a dataset named by FROM/FROM NAMED/USING (which rdflib
#: fetches from the web or reads from disk) and LOAD.
OUTSIDE = {
    "ServiceGraphPattern": "SERVICE",
    "DatasetClause": "FROM / FROM NAMED",
    "UsingClause": "USING",
    "Load": "LOAD",
}


def parse(text: str) -> tuple[str, object]:
    """('query' or 'update', the parse tree); QueryError when it is neither."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    # Prefixed names resolve only at translation, so parsing needs no prologue.
    try:
        return "query", parseQuery(text)
    except ParseException as query_err:
        try:
            return "update", parseUpdate(text)
        except ParseException:
            pass
        raise QueryError(f"malformed SPARQL: {_one_line(query_err)}") from None


def kind(text: str) -> str:
    """'query' or 'update'; QueryError with a one-line message when it is neither."""
    return parse(text)[0]


def outside_reaches(tree: object) -> list[str]:
    """The keywords in a parsed query or update that would reach beyond the store."""
    from rdflib.plugins.sparql.parserutils import CompValue

    found: set[str] = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            if node.name in OUTSIDE:
                found.add(OUTSIDE[node.name])
            stack.extend(node.values())
        elif isinstance(node, list | tuple) or hasattr(node, "asList"):
            stack.extend(node)
    return sorted(found)


def run(
    dataset: Dataset,
    text: str,
    *,
    params: Mapping[str, str | URIRef | Literal] | None = None,
    allow_update: bool = False,
    allow_remote: bool = False,
    timeout: float | None = None,
) -> Result | None:
    """Run a SPARQL query (or, with ``allow_update``, an update; then None is returned).

    A query over the local graph reaches no network and no file: SERVICE, FROM,
    FROM NAMED, USING and LOAD are refused unless ``allow_remote``. With ``timeout``
    (seconds) a query still running then is a QueryError; rdflib cannot stop it, so
    it goes on in a daemon thread until the process exits (the command line's case).
    """
    if timeout:
        deadline = time.monotonic() + timeout
        result = _with_timeout(
            lambda: run(
                dataset,
                text,
                params=params,
                allow_update=allow_update,
                allow_remote=allow_remote,
            ),
            timeout,
        )
        if result is not None and hasattr(result, "oxigraph"):
            result.deadline = (deadline, timeout)
        return result
    text = bind_parameters(text, params or {})
    form, tree = parse(text)
    reaches = outside_reaches(tree)
    if reaches and not allow_remote:
        raise QueryError(
            f"the query uses {', '.join(reaches)}, which would fetch data from outside the "
            "store; pass --allow-remote if you mean it"
        )
    if form == "update":
        if not allow_update:
            raise QueryError(
                "this is a SPARQL UPDATE; the store is read-only unless --update is given"
            )
        try:
            dataset.update(text, initNs=vocab.PREFIXES)
        except Exception as err:  # rdflib and HTTP errors share no base class
            raise QueryError(f"the update failed: {_one_line(err)}") from err
        return None
    native = diskstore.native(dataset)
    if native is not None and not reaches:
        return _run_native(native, text)
    try:
        result = dataset.query(text, initNs=vocab.PREFIXES)
        if result.type == "SELECT":
            result.bindings  # noqa: B018 - evaluate now, so errors surface here
        return result
    except QueryError:
        raise
    except Exception as err:
        raise QueryError(f"the query failed: {_one_line(err)}") from err


def _run_native(store, text: str) -> Result:
    """Oxigraph's own engine over the union of the article graphs; a SELECT's rows stay
    in Oxigraph's iterator (``result.oxigraph``) until written out, so any number of rows
    streams in bounded memory. The first row is computed here, so errors surface here."""
    try:
        answer = store.query(
            text,
            prefixes=dict(vocab.PREFIXES),
        )  # default graph: the union
        if not isinstance(answer, pyoxigraph.QuerySolutions):
            return diskstore.result_of(answer)
        names = [v.value for v in answer.variables]
        first = next(answer, None)
    except (SyntaxError, OSError, RuntimeError, ValueError) as err:
        raise QueryError(f"the query failed: {_one_line(err)}") from err
    rows = itertools.chain([first] if first is not None else [], answer)
    result = Result("SELECT")
    result.vars = [Variable(n) for n in names]
    result.oxigraph = rows  # type: ignore[attr-defined]
    result._bindings = []
    result._genbindings = (  # rdflib reads these lazily, for Python callers
        {
            Variable(n): diskstore.from_ox(t)
            for n, t in zip(names, row, strict=True)
            if t is not None
        }
        for row in rows
    )
    return result


def _with_timeout(call, timeout: float):
    import threading

    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = call()
        except BaseException as err:  # handed to the caller's thread
            outcome["error"] = err

    worker = threading.Thread(target=target, name="sparql-query", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise QueryError(f"the query ran for more than {timeout:g} s (--timeout) and was given up")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]


def _short(term: object) -> str:
    """A term for reading: prefixed IRIs, literals as their text."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        text = str(term)
        for prefix, ns in sorted(vocab.PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if text.startswith(ns):
                return f"{prefix}:{text[len(ns) :]}"
        return f"<{text}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _plain(term: object) -> object:
    """A term as a JSON value: numbers and booleans as such, anything else as its text."""
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, bool | int | float):
            return value
        if isinstance(value, Decimal):
            return float(value)
    return str(term)


def format_result(result: Result, fmt: str = "table") -> str:
    """A query result as ``table`` (aligned text, IRIs prefixed), ``csv`` or ``tsv``
    (a header row, then plain values), ``json`` (SPARQL 1.1 JSON results) or
    ``jsonl`` (one object a row, numbers and booleans typed). A CONSTRUCT or
    DESCRIBE result is Turtle (table), JSON-LD (json) or subject/predicate/object
    rows (csv, tsv, jsonl)."""
    if fmt not in RESULT_FORMATS:
        raise QueryError(
            f"unknown result format {fmt!r}; choose one of {', '.join(RESULT_FORMATS)}"
        )
    if result.type == "ASK":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result.askAnswer)})
        if fmt == "table":
            return "true" if result.askAnswer else "false"
        return format_records([{"boolean": bool(result.askAnswer)}], fmt)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        assert result.graph is not None
        if fmt in ("table", "json"):
            return result.graph.serialize(format="json-ld" if fmt == "json" else "turtle")
        triples = sorted(result.graph, key=lambda t: tuple(str(x) for x in t))
        names = ("subject", "predicate", "object")
        return format_records(
            [dict(zip(names, map(_plain, t), strict=True)) for t in triples], fmt, names
        )
    headers = [str(v) for v in result.vars or []]
    if fmt == "json":
        return result.serialize(format="json").decode("utf-8")
    rows = list(result)
    if fmt == "table":
        return table(headers, [[_short(t) for t in row] for row in rows])
    return format_records(
        [dict(zip(headers, map(_plain, row), strict=True)) for row in rows], fmt, headers
    )


#: Rows read to size the columns of a streamed table (later rows are cut to fit).
TABLE_SAMPLE = 1000


def write_result(result: Result, fmt: str, out: IO[str]) -> None:
    """Write ``result`` to ``out`` as ``format_result`` would, a SELECT's rows one at a time.

    A SELECT from the folder store (Oxigraph) is never held in memory: csv, tsv,
    json and jsonl rows are written as they come; a table sizes its columns from
    the first TABLE_SAMPLE rows (later cells are cut to fit). With a timeout, rows
    still coming at the deadline are a QueryError (the rows written so far stay).
    """
    rows = getattr(result, "oxigraph", None)
    if result.type != "SELECT" or rows is None:
        out.write(format_result(result, fmt) + "\n")
        return
    if fmt not in RESULT_FORMATS:
        format_result(result, fmt)  # raises the one-line error
    headers = [str(v) for v in result.vars or []]
    rows = _until(rows, getattr(result, "deadline", None))
    if fmt == "json":
        _write_json(headers, rows, out)
    elif fmt == "table":
        _write_table(headers, rows, out)
    else:
        terms = ([None if t is None else diskstore.from_ox(t) for t in row] for row in rows)
        if fmt == "jsonl":
            for row in terms:
                values = dict(zip(headers, map(_plain, row), strict=True))
                out.write(json.dumps(values, ensure_ascii=False) + "\n")
        elif fmt == "tsv":
            out.write("\t".join(headers) + "\n")
            for row in terms:
                out.write("\t".join(tsv_cell(_plain(t)) for t in row) + "\n")
        else:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(headers)
            writer.writerows([cell(_plain(t)) for t in row] for row in terms)
    out.flush()


def _write_table(headers: list[str], rows, out: IO[str]) -> None:
    """``kg.tables.table`` for rows that keep coming: the columns are sized on the
    first TABLE_SAMPLE rows and the count comes last."""
    sample = list(itertools.islice(rows, TABLE_SAMPLE))
    first = table(headers, [[_short_ox(t) for t in row] for row in sample], count=False)
    out.write(first + "\n")
    widths = [len(rule) for rule in first.splitlines()[1].split("  ")]
    count = len(sample)
    for row in rows:
        cells = [
            " ".join(_short_ox(t).split())[:w].ljust(w) for t, w in zip(row, widths, strict=True)
        ]
        out.write("  ".join(cells).rstrip() + "\n")
        count += 1
    out.write(f"({count} row{'s' if count != 1 else ''})\n")


def _until(rows, deadline: tuple[float, float] | None):
    if deadline is None:
        yield from rows
        return
    at, seconds = deadline
    for row in rows:
        if time.monotonic() > at:
            raise QueryError(
                f"the query ran for more than {seconds:g} s (--timeout) and was given up"
            )
        yield row


def _json_term(term) -> dict[str, str]:
    if isinstance(term, pyoxigraph.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, pyoxigraph.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != str(XSD.string):
        out["datatype"] = term.datatype.value
    return out


def _write_json(headers: list[str], rows, out: IO[str]) -> None:
    """SPARQL 1.1 JSON results, one binding a line."""
    out.write(json.dumps({"head": {"vars": headers}})[:-1] + ', "results": {"bindings": [')
    for i, row in enumerate(rows):
        binding = {h: _json_term(t) for h, t in zip(headers, row, strict=True) if t is not None}
        out.write(("," if i else "") + "\n" + json.dumps(binding, ensure_ascii=False))
    out.write("\n]}}\n")


def _short_ox(term) -> str:
    """``_short`` for an Oxigraph term."""
    if term is None:
        return ""
    if isinstance(term, pyoxigraph.NamedNode):
        return _short(URIRef(term.value))
    if isinstance(term, pyoxigraph.BlankNode):
        return f"_:{term.value}"
    return term.value
