"""The ``kg`` command line: parses arguments and calls geokg's library functions.

Data goes to stdout, logs and progress to stderr. Library errors (``KgError``)
become one-line messages with exit 1; usage errors exit 2 (click's default).
"""

from __future__ import annotations

import json
import logging
import socket
from typing import Any

import click

from kg.cli_common import (
    ARTICLES,
    EXIT_SKIPPED,
    LANG_OPTION,
    MIN_CONFIDENCE,
    MODEL_OPTION,
    OUTPUT_OPTION,
    STDIN_ID_OPTION,
    STORE_OPTION,
    STRICT_OPTION,
    TSV_FIELDS,
    VERBOSE_OPTION,
    WORKERS_OPTION,
    format_option,
    friendly_errors,
    progress,
    refuse_empty_batch,
    report_skipped,
    verbosity,
    write_output,
)
from kg.tables import RECORD_FORMATS

__all__ = ["EXIT_SKIPPED", "main", "progress"]

#: Seconds of silence from a SPARQL server before a command gives up on it.
NETWORK_TIMEOUT_S = 120.0


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="geokg")
@click.option("-v", "--verbose", is_flag=True, help="Log progress and warnings to stderr.")
def main(verbose: bool) -> None:
    """geokg: turn news articles into a knowledge graph of geopolitical relations."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    # A SPARQL server store that stops answering is an error, not a hang: rdflib's
    # HTTP client takes no timeout, so the command sets the process-wide default.
    if socket.getdefaulttimeout() is None:
        socket.setdefaulttimeout(NETWORK_TIMEOUT_S)


def _read(store: str | None) -> Any:
    """The store opened for reading until the command ends (its readers' lock held)."""
    from kg.store import reading

    return click.get_current_context().with_resource(reading(store))


# ---- extraction: extract, build, evaluate ---------------------------------


@main.command("extract")
@verbosity
@ARTICLES
@format_option(
    RECORD_FORMATS,
    "jsonl",
    " jsonl/json: every field; csv: every field; tsv/table: the gold fields.",
)
@click.option(
    "-f",
    "old_fmt",
    type=click.Choice(RECORD_FORMATS),
    hidden=True,
    help="Deprecated spelling of --format.",
)
@OUTPUT_OPTION
@LANG_OPTION
@MODEL_OPTION
@MIN_CONFIDENCE
@STRICT_OPTION
@STDIN_ID_OPTION
@WORKERS_OPTION
@friendly_errors
def extract_command(
    articles: tuple[str, ...],
    fmt: str | None,
    old_fmt: str | None,
    output: str,
    lang: str | None,
    model: str | None,
    min_confidence: float,
    strict: bool,
    stdin_id: str,
    workers: int,
) -> None:
    """Extract relation triples from ARTICLES (files, folders or - for stdin).

    Writes one JSON object a line: the gold fields of ANNOTATION.md plus
    confidence, actor IRIs and character offsets into the source file.

    Example: kg extract articles/ --min-confidence 0.8 -o triples.tsv
    """
    from kg.pipeline import FIELDS, extract_articles, relation_record
    from kg.tables import format_for, format_records

    if old_fmt:
        click.echo(
            "warning: `kg extract -f` is deprecated; use --format (in geokg, -f means --file)",
            err=True,
        )
    fmt = format_for(output, fmt or old_fmt, "jsonl")
    records = []
    skipped: list = []
    extracted = 0
    bar = progress()
    for _document, relations in extract_articles(
        articles,
        lang=lang,
        model=model,
        min_confidence=min_confidence,
        skipped=skipped,
        strict=strict,
        stdin_id=stdin_id,
        workers=workers,
    ):
        bar.update()
        extracted += 1
        records.extend(relation_record(relation) for relation in relations)
    bar.close()
    refuse_empty_batch(skipped, extracted, "extracted")
    columns = TSV_FIELDS if fmt in ("tsv", "table") else FIELDS
    write_output(format_records(records, fmt, columns), output)
    report_skipped(skipped)


@main.command("evaluate")
@verbosity
@ARTICLES
@click.option(
    "--gold",
    type=click.Path(exists=True, dir_okay=False),
    required=True,
    help="Gold triples (JSONL, ANNOTATION.md format).",
)
@click.option(
    "--system",
    type=click.Path(exists=True, dir_okay=False),
    help="Score these extracted triples (JSONL) instead of extracting ARTICLES.",
)
@format_option(
    RECORD_FORMATS,
    "table",
    " json: the whole report; csv/tsv/jsonl: P/R/F1 per scope (overall, relation, "
    "confidence band, document).",
)
@click.option("--json", "as_json", is_flag=True, hidden=True, help="The same as --format json.")
@OUTPUT_OPTION
@click.option("--errors", is_flag=True, help="Also list missed and spurious triples (table, json).")
@click.option(
    "--by-rule",
    is_flag=True,
    help="Also give precision per extraction rule (docs/RULES.md), the least precise first.",
)
@LANG_OPTION
@MODEL_OPTION
@MIN_CONFIDENCE
@friendly_errors
def evaluate_command(
    articles: tuple[str, ...],
    gold: str,
    system: str | None,
    fmt: str | None,
    as_json: bool,
    output: str,
    errors: bool,
    by_rule: bool,
    lang: str | None,
    model: str | None,
    min_confidence: float,
) -> None:
    """Score extraction from ARTICLES against GOLD triples: P/R/F1 overall and
    per relation, date and flag accuracy on matched triples.

    Only the gold triples of the documents in ARTICLES are counted. With
    --by-rule, precision per extraction rule (from the articles, or the ``rule``
    field of --system triples).

    Example: kg evaluate --gold gold.jsonl articles/ --errors --by-rule
    """
    import json
    from pathlib import Path

    from kg.evaluate import evaluate_articles, report_table, score_rows
    from kg.tables import format_for, format_records

    if as_json:
        click.echo("warning: --json is deprecated; use --format json", err=True)
    fmt = format_for(output, fmt or ("json" if as_json else None), "table")
    if errors and fmt not in ("table", "json"):
        raise click.UsageError("--errors lists triples with --format table or json")
    bar = progress()
    outcome = evaluate_articles(
        articles,
        Path(gold),
        system=Path(system) if system else None,
        lang=lang,
        model=model,
        min_confidence=min_confidence,
        on_article=lambda _document: bar.update(),
    )
    bar.close()
    if not outcome.gold_matched:
        docs, unmatched = outcome.docs, outcome.unmatched_gold_docs
        click.echo(
            f"warning: no gold triple is about these articles (ids {', '.join(docs[:5])}"
            f"{' ...' if len(docs) > 5 else ''}; the gold names "
            f"{', '.join(unmatched[:5]) or 'none'}{' ...' if len(unmatched) > 5 else ''}): "
            "the gold's doc field must be the article's file name without .txt",
            err=True,
        )
    result = outcome.as_dict(errors=errors, by_rule=by_rule)
    if fmt == "json":
        text = json.dumps(result, indent=2, ensure_ascii=False)
    elif fmt == "table":
        text = report_table(result, len(outcome.docs))
    else:
        text = format_records(score_rows(result), fmt)
    write_output(text, output)


# ---- the graph: export, query, validate, remove, stats, serve -------------


@main.command("build")
@ARTICLES
@click.option(
    "-o",
    "--output",
    "out_dir",
    default="out",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder for the store (OUT/store/) and the exports of --export.",
)
@STORE_OPTION
@click.option(
    "--export",
    "export_files",
    is_flag=True,
    help="Also write the whole graph as OUT/graph.trig and OUT/graph.ttl, and the page "
    "OUT/graph.html (each costs time in proportion to the store).",
)
@click.option(
    "--html/--no-html",
    default=True,
    show_default=True,
    help="With --export, also write the interactive page graph.html.",
)
@click.option(
    "-q", "--quiet", is_flag=True, help="No summary, no progress bar, only errors on stderr."
)
@VERBOSE_OPTION
@LANG_OPTION
@MODEL_OPTION
@MIN_CONFIDENCE
@STRICT_OPTION
@STDIN_ID_OPTION
@WORKERS_OPTION
@click.option(
    "--dask",
    "--scheduler",
    "scheduler",
    metavar="tcp://HOST:PORT",
    help="Extract on this Dask distributed cluster (its scheduler's address); the "
    "articles are written into the store here, in input order (docs/SCALE.md).",
)
@friendly_errors
def build_command(
    articles: tuple[str, ...],
    out_dir: str,
    store: str | None,
    export_files: bool,
    html: bool,
    quiet: bool,
    lang: str | None,
    model: str | None,
    min_confidence: float,
    strict: bool,
    stdin_id: str,
    workers: int,
    scheduler: str | None,
) -> None:
    """Extract ARTICLES into the knowledge graph store and print a summary.

    The store (default OUT/store/, an Oxigraph folder) grows in place: building more
    articles adds them; building an article again replaces only its own named graph,
    in one transaction, so adding an article costs that article. With --export,
    also writes OUT/graph.trig, OUT/graph.ttl and OUT/graph.html.

    Example: kg build seeds/ -o out/ --workers 2
    """
    from pathlib import Path

    from kg.analysis import summary
    from kg.pipeline import build
    from kg.store import adding, reading

    spec = store if store is not None else out_dir
    skipped: list = []
    built = 0  # a count: keeping every Document would hold each article's text
    if quiet:
        logging.getLogger().setLevel(logging.ERROR)
    bar = progress(quiet)

    def done(document: object) -> None:
        nonlocal built
        built += 1
        bar.update()

    # Each article is committed as soon as it is extracted (under the store's lock).
    with adding(spec, atomic=strict) as put:
        build(
            articles,
            lang=lang,
            model=model,
            min_confidence=min_confidence,
            skipped=skipped,
            strict=strict,
            stdin_id=stdin_id,
            on_article=done,
            workers=workers,
            put=put,
            scheduler=scheduler,
        )
        bar.close()
        refuse_empty_batch(skipped, built, "built")
    written = []
    if export_files or not quiet:
        with reading(spec) as dataset:
            if export_files:
                written = _export_build(dataset, Path(out_dir), html)
            if not quiet:
                click.echo(summary(dataset, top=5, short=True))
    if not quiet:
        click.echo(
            (f"\nwrote {', '.join(str(p) for p in written)}; " if written else "\n")
            + f"store: {_store_name(spec)}",
            err=True,
        )
    report_skipped(skipped)


def _export_build(dataset: Any, out: Any, html: bool) -> list:
    """The files of ``kg build --export``: graph.trig, graph.ttl (and graph.html)."""
    from kg.diskstore import native
    from kg.export import export
    from kg.store import snapshot
    from kg.viz import render

    out.mkdir(parents=True, exist_ok=True)
    export(dataset, str(out / "graph.trig"), "trig")
    export(dataset, str(out / "graph.ttl"), "ttl")
    written = [out / "graph.trig", out / "graph.ttl"]
    if html:
        render(dataset if native(dataset) else snapshot(dataset), out / "graph.html")
        written.append(out / "graph.html")
    return written


def _store_name(spec: str) -> str:
    from kg.store import kind, location

    return str(location(spec)) if kind(spec) == "folder" else spec


@main.command("export")
@verbosity
@STORE_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "trig", "nt", "nq", "jsonld", "xml", "graphml", "gexf", "csv"]),
    help="Output format (default: from the output's suffix; ttl on stdout).",
)
@click.option("-o", "--output", default="-", help="Output file (default: stdout).")
@friendly_errors
def export_command(store: str | None, fmt: str | None, output: str) -> None:
    """Export the graph as RDF (ttl trig nt nq jsonld xml) or a network (graphml gexf csv).

    Example: kg export -o graph.graphml
    """
    from kg.export import export

    chosen = export(_read(store), output, fmt)
    if output != "-":
        click.echo(f"wrote {output} ({chosen})", err=True)


@main.command("query")
@verbosity
@click.argument("sparql", required=False)
@click.option(
    "-f",
    "--file",
    "query_file",
    type=click.File("r", encoding="utf-8"),
    help="Read the query from FILE (- for stdin).",
)
@click.option("--name", help="Run a ready query of ontology/queries/ by name (see --list).")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind ?NAME to VALUE (a string; <iri> or id:... for an IRI). Repeatable.",
)
@format_option(
    RECORD_FORMATS,
    "table",
    " json: SPARQL 1.1 JSON results (JSON-LD for CONSTRUCT).",
)
@OUTPUT_OPTION
@click.option(
    "--update", "allow_update", is_flag=True, help="Allow a SPARQL UPDATE (changes the store)."
)
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Allow SERVICE, FROM, FROM NAMED, USING and LOAD, which fetch data from the "
    "network or from files outside the store (refused by default).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(0, min_open=True),
    help="Give up on a query that runs longer than this many seconds.",
)
@click.option("--list", "list_ready", is_flag=True, help="List the ready queries and exit.")
@STORE_OPTION
@friendly_errors
def query_command(
    sparql: str | None,
    query_file: Any,
    name: str | None,
    params: tuple[str, ...],
    fmt: str | None,
    output: str,
    allow_update: bool,
    allow_remote: bool,
    timeout: float | None,
    list_ready: bool,
    store: str | None,
) -> None:
    """Run a SPARQL query on the graph (read-only unless --update).

    Prefixes kg: id: rdf: rdfs: owl: skos: prov: dcterms: xsd: wd: are bound.
    Example: kg query --name timeline --param actor="Kim Jong-un" -o timeline.csv
    """
    from kg import query
    from kg.store import close, open_store, save, writing
    from kg.tables import format_for

    if list_ready:
        for ready, text in query.ready_queries().items():
            first = text.lstrip("# ").splitlines()[0] if text.startswith("#") else ""
            click.echo(f"{ready:<24}{first}")
        return
    sources = [s for s in (sparql, query_file, name) if s]
    if len(sources) != 1:
        raise click.UsageError("give exactly one of SPARQL, -f FILE or --name")
    if query_file:
        try:
            text = query_file.read()
        except UnicodeDecodeError as err:
            raise click.ClickException(
                f"{query_file.name}: not a UTF-8 text file of SPARQL (byte {err.start})"
            ) from err
    else:
        text = query.ready_query(name) if name else sparql
    bound: dict[str, str] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep:
            raise click.UsageError(f"--param wants NAME=VALUE, got {item!r}")
        bound[key.strip().lstrip("?")] = value
    fmt = format_for(output, fmt, "table")
    if not allow_update:
        result = query.run(
            _read(store),
            text or "",
            params=bound,
            allow_remote=allow_remote,
            timeout=timeout,
        )
        _write_result(result, fmt, output)
        return
    # An update rewrites the store: hold its write lock from reading to saving.
    with writing(store):
        dataset = open_store(store, write=True)
        result = query.run(
            dataset,
            text or "",
            params=bound,
            allow_update=allow_update,
            allow_remote=allow_remote,
            timeout=timeout,
        )
        if result is not None:  # --update with a plain query: its rows, from the open store
            _write_result(result, fmt, output)
        save(dataset, store)
        close(dataset)
    if result is None:
        click.echo("update applied", err=True)


def _write_result(result: Any, fmt: str, output: str) -> None:
    """A query result to stdout, or atomically to a file, its rows streamed."""
    from kg import query
    from kg.atomic import atomic_write

    if output == "-":
        query.write_result(result, fmt, click.get_text_stream("stdout"))
        return
    with atomic_write(output) as handle:
        query.write_result(result, fmt, handle)


@main.command("validate")
@verbosity
@STORE_OPTION
@format_option(
    RECORD_FORMATS,
    "table",
    " table: pySHACL's report; json: conforms, the report and its results; "
    "csv/tsv/jsonl: one row per result.",
)
@OUTPUT_OPTION
@friendly_errors
def validate_command(store: str | None, fmt: str | None, output: str) -> None:
    """Check every article graph against the SHACL shapes; exit 1 if one fails.

    Example: kg validate --store out/ -o problems.csv
    """
    from kg.store import snapshot
    from kg.tables import format_for, format_records
    from kg.validate import RESULT_COLUMNS, result_rows, validate

    fmt = format_for(output, fmt, "table")
    report = validate(snapshot(_read(store)))
    if fmt == "json":
        text = json.dumps(
            {
                "conforms": report.conforms,
                "report": report.text.strip(),
                "results": result_rows(report),
            },
            indent=2,
            ensure_ascii=False,
        )
    elif fmt == "table":
        text = report.text.rstrip()
    else:
        text = format_records(result_rows(report), fmt, RESULT_COLUMNS)
    write_output(text, output)
    if not report.conforms:
        raise click.exceptions.Exit(1)


@main.command("remove")
@verbosity
@click.argument("article_ids", nargs=-1, required=True, metavar="ARTICLE...")
@STORE_OPTION
@friendly_errors
def remove_command(article_ids: tuple[str, ...], store: str | None) -> None:
    """Remove articles (by id, the file stem) and everything they stated from the store.

    Example: kg remove 000_37acdb231196126e
    """
    from pathlib import Path

    from kg.errors import InputError
    from kg.store import close, open_store, remove_article, save, writing

    with writing(store):
        dataset = open_store(store, write=True)
        missing = [
            a
            for a in (Path(i).stem if i.endswith(".txt") else i for i in article_ids)
            if not remove_article(dataset, a)
        ]
        save(dataset, store)
        close(dataset)
    if missing:
        raise InputError(f"not in the store: {', '.join(missing)}")
    click.echo(f"removed {len(article_ids)} article(s)", err=True)


@main.command("stats")
@verbosity
@STORE_OPTION
@click.option(
    "--top", type=click.IntRange(1, 100), default=8, show_default=True, help="Rows per table."
)
@format_option(
    RECORD_FORMATS,
    "table",
    " json: one object; csv/tsv/jsonl: one row per figure (section, name, measure, value).",
)
@OUTPUT_OPTION
@friendly_errors
def stats_command(store: str | None, top: int, fmt: str | None, output: str) -> None:
    """A one-screen summary: counts, central actors, communities, cooperation/conflict per pair.

    Example: kg stats --top 20 -o stats.csv
    """
    from kg.analysis import stats_record, stats_rows, summary
    from kg.tables import format_for, format_records

    fmt = format_for(output, fmt, "table")
    dataset = _read(store)
    if fmt == "table":
        text = summary(dataset, top=top)
    elif fmt == "json":
        text = json.dumps(stats_record(dataset, top=top), indent=2, ensure_ascii=False)
    else:
        text = format_records(stats_rows(stats_record(dataset, top=top)), fmt)
    write_output(text, output)


@main.command("viz")
@verbosity
@STORE_OPTION
@click.option(
    "-o",
    "--output",
    default="graph.html",
    show_default=True,
    help="The HTML page to write (- for stdout).",
)
@click.option(
    "--focus", metavar="ACTOR", help="Show only ACTOR (name, alias or key) and its neighbourhood."
)
@click.option(
    "--depth",
    type=click.IntRange(0, 10),
    default=2,
    show_default=True,
    help="Steps from --focus to keep.",
)
@click.option(
    "--since", metavar="DATE", help="Keep statements dated on or after DATE (YYYY[-MM[-DD]])."
)
@click.option("--until", metavar="DATE", help="Keep statements dated on or before DATE.")
@click.option(
    "--relation",
    "relations",
    multiple=True,
    metavar="NAMES",
    help="Keep these relations (comma-separated, repeatable), e.g. meets,supports.",
)
@click.option("--top", type=click.IntRange(min=1), help="Keep the N most connected actors.")
@friendly_errors
def viz_command(
    store: str | None,
    output: str,
    focus: str | None,
    depth: int,
    since: str | None,
    until: str | None,
    relations: tuple[str, ...],
    top: int | None,
) -> None:
    """Write the graph as one self-contained interactive HTML page (opens offline).

    Example: kg viz --focus "Kim Jong-un" --depth 1 -o kim.html
    """
    from kg.diskstore import native
    from kg.store import snapshot
    from kg.viz import render

    names = [n for item in relations for n in item.split(",") if n.strip()] or None
    dataset = _read(store)
    page = render(
        dataset if native(dataset) else snapshot(dataset),  # the folder store: read natively
        None if output == "-" else output,
        focus=focus,
        depth=depth,
        since=since,
        until=until,
        relations=names,
        top=top,
    )
    if output == "-":
        click.echo(page, nl=False)
    else:
        click.echo(f"wrote {output}", err=True)


@main.command("serve")
@verbosity
@STORE_OPTION
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=7878,
    show_default=True,
    help="Port on 127.0.0.1.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(1, 86400),
    default=30.0,
    show_default=True,
    help="Seconds a query may run before the server gives up on it.",
)
@friendly_errors
def serve_command(store: str | None, port: int, timeout: float) -> None:
    """Serve the graph read-only as a SPARQL 1.1 endpoint on 127.0.0.1 (Oxigraph) until Ctrl-C.

    Example: kg serve --port 7878, then query http://127.0.0.1:7878/query
    """
    import signal
    import tempfile
    from pathlib import Path

    from kg import serve
    from kg.errors import StoreError
    from kg.store import reading

    def stop_on_signal(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt  # unwind through `finally`: stop the child, remove the copy

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, stop_on_signal)
    with tempfile.TemporaryDirectory(prefix="geokg-serve-") as workdir:
        server = None
        try:  # a signal stops the server (start() stops its own child if still starting)
            with reading(store) as dataset:  # copied at start: writers wait only for that
                server = serve.start(
                    dataset, port=port, workdir=Path(workdir), query_timeout=timeout
                )
            base = server.url.rsplit("/", 1)[0]
            click.echo(
                f"SPARQL endpoint: {server.url}  query page: {base}/  (Ctrl-C stops)", err=True
            )
            code = server.process.wait()
        except KeyboardInterrupt:
            return
        finally:
            if server is not None:
                server.stop()
        raise StoreError(f"the SPARQL server stopped unexpectedly (exit code {code})")
