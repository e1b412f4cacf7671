"""The ``kg`` command line: parses arguments and calls geokg's library functions.

Data goes to stdout, logs and progress to stderr. Library errors (``KgError``)
become one-line messages with exit 1; usage errors exit 2 (click's default).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

import click

from kg.errors import KgError


def friendly_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn geokg's own errors into one-line click errors (exit 1, no traceback)."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except KgError as err:
            raise click.ClickException(str(err)) from err

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="geokg")
@click.option("-v", "--verbose", is_flag=True, help="Log progress and warnings to stderr.")
def main(verbose: bool) -> None:
    """geokg: turn news articles into a knowledge graph of geopolitical relations."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


# ---- the graph: export, query, validate, remove, stats, serve -------------

STORE_OPTION = click.option(
    "--store", default=None, metavar="PATH_OR_URL",
    help="Graph store: a folder (default out/), a .trig/.nq file or sparql+http://host:port/...",
)


@main.command("export")
@STORE_OPTION
@click.option("--format", "fmt", type=click.Choice(
    ["ttl", "trig", "nt", "nq", "jsonld", "xml", "graphml", "gexf", "csv"]),
    help="Output format (default: from the output's suffix; ttl on stdout).")
@click.option("-o", "--output", default="-", help="Output file (default: stdout).")
@friendly_errors
def export_command(store: str | None, fmt: str | None, output: str) -> None:
    """Export the graph as RDF (ttl trig nt nq jsonld xml) or a network (graphml gexf csv)."""
    from kg.export import export
    from kg.store import open_store

    chosen = export(open_store(store), output, fmt)
    if output != "-":
        click.echo(f"wrote {output} ({chosen})", err=True)


@main.command("query")
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.File("r", encoding="utf-8"),
              help="Read the query from FILE (- for stdin).")
@click.option("--name", help="Run a ready query of ontology/queries/ by name (see --list).")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE (a string; <iri> or id:... for an IRI). Repeatable.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="Result format.")
@click.option("--update", "allow_update", is_flag=True,
              help="Allow a SPARQL UPDATE (changes the store).")
@click.option("--list", "list_ready", is_flag=True, help="List the ready queries and exit.")
@STORE_OPTION
@friendly_errors
def query_command(sparql: str | None, query_file: Any, name: str | None, params: tuple[str, ...],
                  fmt: str, allow_update: bool, list_ready: bool, store: str | None) -> None:
    """Run a SPARQL query on the graph (read-only unless --update).

    Prefixes kg: id: rdf: rdfs: owl: skos: prov: dcterms: xsd: wd: are bound.
    Example: kg query --name timeline --param actor="Kim Jong-un"
    """
    from kg import query
    from kg.store import open_store, save

    if list_ready:
        for ready, text in query.ready_queries().items():
            first = text.lstrip("# ").splitlines()[0] if text.startswith("#") else ""
            click.echo(f"{ready:<24}{first}")
        return
    sources = [s for s in (sparql, query_file, name) if s]
    if len(sources) != 1:
        raise click.UsageError("give exactly one of SPARQL, -f FILE or --name")
    text = query.ready_query(name) if name else (query_file.read() if query_file else sparql)
    bound: dict[str, str] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep:
            raise click.UsageError(f"--param wants NAME=VALUE, got {item!r}")
        bound[key.strip().lstrip("?")] = value
    dataset = open_store(store)
    result = query.run(dataset, text or "", params=bound, allow_update=allow_update)
    if result is None:
        save(dataset, store)
        click.echo("update applied", err=True)
        return
    click.echo(query.format_result(result, fmt))


@main.command("validate")
@STORE_OPTION
@friendly_errors
def validate_command(store: str | None) -> None:
    """Check every article graph against the SHACL shapes; exit 1 if one fails."""
    from kg.store import open_store, snapshot
    from kg.validate import validate

    report = validate(snapshot(open_store(store)))
    click.echo(report.text.rstrip())
    if not report.conforms:
        raise click.exceptions.Exit(1)


@main.command("remove")
@click.argument("article_ids", nargs=-1, required=True, metavar="ARTICLE...")
@STORE_OPTION
@friendly_errors
def remove_command(article_ids: tuple[str, ...], store: str | None) -> None:
    """Remove articles (by id, the file stem) and everything they stated from the store."""
    from pathlib import Path

    from kg.errors import InputError
    from kg.store import open_store, remove_article, save

    dataset = open_store(store)
    missing = [a for a in (Path(i).stem if i.endswith(".txt") else i for i in article_ids)
               if not remove_article(dataset, a)]
    save(dataset, store)
    if missing:
        raise InputError(f"not in the store: {', '.join(missing)}")
    click.echo(f"removed {len(article_ids)} article(s)", err=True)


@main.command("stats")
@STORE_OPTION
@click.option("--top", type=click.IntRange(1, 100), default=8, show_default=True,
              help="Rows per table.")
@friendly_errors
def stats_command(store: str | None, top: int) -> None:
    """A one-screen summary: counts, central actors, communities, cooperation/conflict per pair."""
    from kg.analysis import summary
    from kg.store import open_store

    click.echo(summary(open_store(store), top=top))


@main.command("viz")
@STORE_OPTION
@click.option("-o", "--output", default="graph.html", show_default=True,
              help="The HTML page to write (- for stdout).")
@click.option("--focus", metavar="ACTOR",
              help="Show only ACTOR (name, alias or key) and its neighbourhood.")
@click.option("--depth", type=click.IntRange(0, 10), default=2, show_default=True,
              help="Steps from --focus to keep.")
@click.option("--since", metavar="DATE",
              help="Keep statements dated on or after DATE (YYYY[-MM[-DD]]).")
@click.option("--until", metavar="DATE", help="Keep statements dated on or before DATE.")
@click.option("--relation", "relations", multiple=True, metavar="NAMES",
              help="Keep these relations (comma-separated, repeatable), e.g. meets,supports.")
@click.option("--top", type=click.IntRange(min=1), help="Keep the N most connected actors.")
@friendly_errors
def viz_command(store: str | None, output: str, focus: str | None, depth: int,
                since: str | None, until: str | None, relations: tuple[str, ...],
                top: int | None) -> None:
    """Write the graph as one self-contained interactive HTML page (opens offline)."""
    from kg.store import open_store, snapshot
    from kg.viz import render

    names = [n for item in relations for n in item.split(",") if n.strip()] or None
    page = render(snapshot(open_store(store)), None if output == "-" else output, focus=focus,
                  depth=depth, since=since, until=until, relations=names, top=top)
    if output == "-":
        click.echo(page, nl=False)
    else:
        click.echo(f"wrote {output}", err=True)


@main.command("serve")
@STORE_OPTION
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True,
              help="Port on 127.0.0.1.")
@friendly_errors
def serve_command(store: str | None, port: int) -> None:
    """Serve the graph read-only as a SPARQL 1.1 endpoint on 127.0.0.1 (Oxigraph) until Ctrl-C."""
    import tempfile
    from pathlib import Path

    from kg import serve
    from kg.store import open_store

    with tempfile.TemporaryDirectory(prefix="geokg-serve-") as workdir:
        server = serve.start(open_store(store), port=port, workdir=Path(workdir))
        click.echo(f"SPARQL endpoint: {server.url}  (Ctrl-C stops)", err=True)
        try:
            server.process.wait()
        except KeyboardInterrupt:
            pass
        finally:
            server.stop()
