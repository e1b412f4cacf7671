"""What every ``kg`` command shares: error handling, verbosity, progress, the
options that several commands take, and how a batch reports what it skipped.

``kg.cli`` builds the commands from these; they hold no command logic.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

import click

from kg.errors import KgError


def set_verbosity(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        level = logging.INFO if param.name == "verbose" else logging.ERROR
        logging.getLogger().setLevel(level)


VERBOSE_OPTION = click.option(
    "-v",
    "--verbose",
    is_flag=True,
    expose_value=False,
    callback=set_verbosity,
    help="Log progress and warnings to stderr.",
)


def verbosity(command: Callable[..., Any]) -> Callable[..., Any]:
    """-v/--verbose and -q/--quiet on a command (they may also come before it)."""
    command = click.option(
        "-q",
        "--quiet",
        is_flag=True,
        expose_value=False,
        callback=set_verbosity,
        help="Only errors on stderr.",
    )(command)
    return VERBOSE_OPTION(command)


def friendly_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn geokg's own errors into one-line click errors (exit 1, no traceback)."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except KgError as err:
            raise click.ClickException(str(err)) from err
        except OSError as err:  # an output folder or file that cannot be written
            where = f"{err.filename}: " if err.filename else ""
            raise click.ClickException(f"{where}{err.strerror or err}") from err

    return wrapper


ARTICLES = click.argument("articles", nargs=-1, required=True)
LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    help="Language of the articles (default: detected per article).",
)
MODEL_OPTION = click.option(
    "--model", help="spaCy pipeline name or folder to use instead of the shipped one."
)
MIN_CONFIDENCE = click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="Drop statements below this confidence.",
)


STRICT_OPTION = click.option(
    "--strict",
    is_flag=True,
    help="Stop at the first article that cannot be read or extracted (default: skip it, "
    "report it on stderr and exit 3 after the rest).",
)
STDIN_ID_OPTION = click.option(
    "--id",
    "stdin_id",
    default="stdin",
    show_default=True,
    help="Article id for text read from standard input (-).",
)


def progress(quiet: bool | None = None):
    """A progress bar of articles on stderr (count, articles/s), shown only to a
    person: not with --quiet (by default: when -q set the log level to errors),
    and not when stderr is a file or a pipe."""
    import sys

    from tqdm import tqdm

    if quiet is None:
        quiet = logging.getLogger().level >= logging.ERROR
    return tqdm(
        unit=" articles",
        desc="extracting",
        file=sys.stderr,
        disable=quiet or not sys.stderr.isatty(),
        leave=False,
    )


WORKERS_OPTION = click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Extract in this many processes (about one per core); same output, same order.",
)
#: The columns of ``kg extract --format tsv`` and ``table``: the gold fields that fit a row.
TSV_FIELDS = ("doc", "subject", "relation", "object", "date", "negated", "hedged", "confidence")


def format_option(formats: tuple[str, ...], default: str, help_extra: str = ""):
    """``--format`` with ``formats``; when it is not given, the format that the
    ``-o`` file's suffix implies (``.csv`` ...), else ``default``."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(formats),
        default=None,
        help=f"Output format (default: from the -o suffix, else {default}).{help_extra}",
    )


OUTPUT_OPTION = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="Write to FILE, replaced whole or not at all (default: stdout).",
)


def write_output(text: str, output: str) -> None:
    """``text`` (plus a final line break) to stdout (``-``) or atomically to a file."""
    from kg.atomic import atomic_write

    if text and not text.endswith("\n"):
        text += "\n"
    if output == "-":
        click.echo(text, nl=False)
        return
    with atomic_write(output) as handle:
        handle.write(text)


#: Exit status of a batch that went on past articles it had to skip.
EXIT_SKIPPED = 3


def refuse_empty_batch(skipped: list, done: int, verb: str) -> None:
    """A batch in which every article was skipped is an error: nothing is written."""
    if skipped and not done:
        reasons = [s.reason for s in skipped]
        raise click.ClickException(
            reasons[0]
            if len(reasons) == 1
            else f"none of the {len(reasons)} articles could be {verb} ({'; '.join(reasons)})"
        )


def report_skipped(skipped: list) -> None:
    """End a batch that skipped articles: each and why on stderr, exit status 3."""
    if skipped:
        for item in skipped:
            click.echo(f"skipped: {item.reason}", err=True)
        click.echo(
            f"warning: {len(skipped)} article(s) skipped; the others were processed",
            err=True,
        )
        raise SystemExit(EXIT_SKIPPED)


STORE_OPTION = click.option(
    "--store",
    default=None,
    metavar="PATH_OR_URL",
    help="Graph store: a folder (default out/), a .trig/.nq file or sparql+http://host:port/...",
)
