"""geokg's exceptions: one small hierarchy, each message saying what to do.

Library code raises these; only the command line turns them into one-line
messages and exit codes.
"""

from __future__ import annotations


class KgError(Exception):
    """Base class of every error geokg raises on purpose."""


class InputError(KgError):
    """An article or argument cannot be read (missing, empty, binary, not UTF-8)."""


class ModelError(KgError):
    """A language pipeline is missing or cannot be loaded."""


class DataError(KgError):
    """A data file (gazetteer, lexicon, gold set) is malformed."""


class StoreError(KgError):
    """The graph store cannot be opened, read or written."""


class QueryError(KgError):
    """A SPARQL query is malformed or not allowed (an update without --update)."""


class ExtractionError(KgError):
    """An article could be read but failed in parsing or extraction (a bug to report)."""
