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
