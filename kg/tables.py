"""Records as text: an aligned table for people, CSV, TSV, JSON and JSON Lines for tools.

Every ``kg`` command that prints records (extract, query, stats, evaluate,
validate) formats them here, so the formats mean the same everywhere: CSV and
TSV start with a header row; a cell is the value's text, ``true``/``false`` for
booleans, empty for none, ``; ``-joined for a list; a TSV cell has no tabs or
line breaks; JSON is one array of objects, JSON Lines one object a line.

>>> rows = [{"actor": "Kim Jong-un", "degree": 4, "asserted": True}]
>>> print(format_records(rows, "csv"))
actor,degree,asserted
Kim Jong-un,4,true
>>> print(format_records(rows, "table"))
actor        degree  asserted
-----------  ------  --------
Kim Jong-un  4       true
(1 row)
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

#: The formats of records, in the order ``--help`` lists them.
RECORD_FORMATS = ("table", "csv", "tsv", "json", "jsonl")
#: An output file's suffix -> the record format it implies.
SUFFIX_FORMATS = {
    ".txt": "table",
    ".csv": "csv",
    ".tsv": "tsv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
#: Widest column of a table, in characters; longer cells are cut.
TABLE_MAX_WIDTH = 60


def format_for(output: str | Path | None, fmt: str | None, default: str) -> str:
    """The format asked for, else the one ``output``'s suffix implies, else ``default``.

    >>> format_for("pairs.csv", None, "table"), format_for("-", None, "table")
    ('csv', 'table')
    """
    if fmt:
        return fmt
    if output and str(output) != "-":
        return SUFFIX_FORMATS.get(Path(str(output)).suffix.lower(), default)
    return default


def cell(value: Any) -> str:
    """A value as the text of one CSV/TSV/table cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "; ".join(cell(v) for v in value)
    return str(value)


def tsv_cell(value: Any) -> str:
    """A value as one TSV cell: no tabs or line breaks inside."""
    return " ".join(cell(value).split())


def columns_of(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """Every key of ``rows``, in the order they first appear."""
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, count: bool = True) -> str:
    """Aligned columns under a header and a rule, cells cut at ``TABLE_MAX_WIDTH``;
    ``count`` adds a last line ``(N rows)``."""
    cells = [[" ".join(c.split()) for c in row] for row in rows]
    widths = [
        min(TABLE_MAX_WIDTH, max([len(h)] + [len(r[i]) for r in cells]))
        for i, h in enumerate(headers)
    ]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v[:w].ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(headers), line(["-" * w for w in widths])] + [line(r) for r in cells]
    if count:
        out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def format_records(
    rows: Sequence[Mapping[str, Any]],
    fmt: str,
    columns: Sequence[str] | None = None,
) -> str:
    """``rows`` (dicts) as ``fmt``, one of ``RECORD_FORMATS``, without a final newline.

    ``columns``: the columns of table, CSV and TSV, in order (default: every key
    of ``rows``); JSON and JSON Lines keep each row whole.
    """
    if fmt not in RECORD_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(RECORD_FORMATS)}")
    if fmt == "json":
        return json.dumps(list(map(dict, rows)), indent=2, ensure_ascii=False)
    if fmt == "jsonl":
        return "\n".join(json.dumps(dict(row), ensure_ascii=False) for row in rows)
    names = list(columns) if columns is not None else columns_of(rows)
    if fmt == "table":
        return table(names, [[cell(row.get(c)) for c in names] for row in rows])
    if fmt == "tsv":
        lines = ["\t".join(names)] + [
            "\t".join(tsv_cell(row.get(c)) for c in names) for row in rows
        ]
        return "\n".join(lines)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    writer.writerows([cell(row.get(c)) for c in names] for row in rows)
    return buffer.getvalue().rstrip("\n")
