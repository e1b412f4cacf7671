"""Read plain-text news articles into ``Document`` records.

Our sources come in two shapes, both handled here:

* one paragraph per line, blank lines between paragraphs;
* hard-wrapped text, cut mid-sentence every ~90 characters, with a blank line
  after every line (the seed article).

Both may start with a date line (``date 2025-09-07``), which may share its line
with the first words of the text, or with a full ISO date alone on the first
line. Short lines without final punctuation are headings. The text is unwrapped
into paragraphs; a character map keeps every character's position in the
original file so offsets can be traced back.
"""

from __future__ import annotations

import codecs
import datetime
import difflib
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import ftfy
import ftfy.badness

from kg.errors import InputError
from kg.language import detect_language
from kg.records import Document

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt",)
DATE_LINE = re.compile(r"\A\s*date[ \t]+(\d{4}(?:-\d{2}(?:-\d{2})?)?)\b[ \t]*\n?")
#: A full ISO date alone on the first line, without the "date" keyword.
DATE_VALUE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
BARE_DATE_LINE = re.compile(r"\A\s*(\d{4}-\d{2}-\d{2})[ \t]*\n")
SENTENCE_END = tuple(".!?:;…\"'”’»)")
HEADING_MAX_CHARS = 70
HEADING_MAX_WORDS = 9
#: The first line of an article laid out in paragraphs: a headline may be longer.
HEADLINE_MAX_CHARS = 150
HEADLINE_MAX_WORDS = 20


def parse_article(
    raw: str,
    doc_id: str,
    source: str = "",
    lang: str | None = None,
    date: str | None = None,
) -> Document:
    """Turn the raw text of one article into a ``Document``.

    ``date`` (YYYY, YYYY-MM or YYYY-MM-DD) dates an article that has no date line.

    >>> doc = parse_article("date 2025-09-07\\n\\nKim sprak met\\n\\nPoetin.\\n", "a1")
    >>> doc.date, doc.text
    ('2025-09-07', 'Kim sprak met Poetin.')
    """
    raw = _clean(raw)
    if not raw.strip():
        raise InputError(f"{source or doc_id}: the article is empty")
    if date is not None and not (DATE_VALUE.fullmatch(date) and _is_real_date(date)):
        raise InputError(f"{source or doc_id}: date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    body_start = 0
    match = DATE_LINE.match(raw) or BARE_DATE_LINE.match(raw)
    if match:
        line_date, body_start = match.group(1), match.end()
        if not _is_real_date(line_date):
            log.warning(
                "%s: the date line says %s, which is no date; undated", source or doc_id, line_date
            )
        elif date is None:  # a date given by the caller wins over the text's own
            date = line_date

    lines = _lines_with_offsets(raw, body_start)
    if not lines:
        raise InputError(f"{source or doc_id}: the article has a date line but no text")
    wrapped = _is_hard_wrapped(lines)
    chars: list[str] = []
    offsets: list[int] = []
    headings: list[tuple[int, int]] = []

    def emit(text: str, origin: int | list[int]) -> None:
        chars.extend(text)
        offsets.extend(origin if isinstance(origin, list) else [origin] * len(text))

    for index, (line, start) in enumerate(lines):
        following = lines[index + 1][0] if index + 1 < len(lines) else None
        heading = _is_heading(line, following, headline=index == 0 and not wrapped)
        if chars:
            previous = chars[-1]
            if heading or (headings and headings[-1][1] == len(chars)):
                emit("\n\n", start - 1)
            elif previous.endswith(SENTENCE_END):
                emit(" " if wrapped else "\n\n", start - 1)
            elif previous == "-" and len(chars) > 1 and chars[-2].isalpha():
                pass  # a word broken at a hyphen: join without a space
            else:
                emit(" ", start - 1)
        begin = len(chars)
        # Invisible format characters (soft hyphens, zero-width spaces, bidi marks)
        # are dropped, so "Mac\u00adron" is Macron; offsets still point into the file.
        # Mojibake ("BelgiÃ«": UTF-8 read as Latin-1 somewhere upstream) is repaired,
        # each repaired character pointing at the start of what it replaces.
        repaired, origin = _repair_mojibake(line)
        visible = [(ch, start + origin[i]) for i, ch in enumerate(repaired) if ch not in INVISIBLE]
        emit("".join(ch for ch, _ in visible), [at for _, at in visible])
        if heading:
            headings.append((begin, len(chars)))
    if not "".join(chars).strip():
        raise InputError(f"{source or doc_id}: the article has no visible text")
    offsets.append(offsets[-1] + 1)

    text = "".join(chars)
    title = None
    if headings and headings[0][0] == 0:
        title = text[headings[0][0] : headings[0][1]]
    return Document(
        id=doc_id,
        text=text,
        lang=lang or detect_language(text, source or doc_id),
        date=date,
        source=source,
        title=title,
        headings=tuple(headings),
        offsets=tuple(offsets),
    )


def _repair_mojibake(line: str) -> tuple[str, list[int]]:
    """``line`` with mojibake repaired by ftfy (its encoding fixes only: quotes and
    other characters of clean text are left alone), and for each character the
    index in ``line`` where what it replaces starts. A clean line comes back as it
    is. (A span of the text that ends with a repaired character maps to a source
    span a byte or two short: the offsets keep where characters start only.)"""
    if not ftfy.badness.is_bad(line):
        return line, list(range(len(line)))
    fixed = ftfy.fix_encoding(line)
    origin: list[int] = []
    matcher = difflib.SequenceMatcher(None, line, fixed, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            origin += range(i1, i2)
        elif j2 > j1:  # replaced or inserted: spread over what was there
            width = max(i2 - i1, 1)
            origin += [
                min(i1 + (j - j1) * width // (j2 - j1), max(i1, i2 - 1)) for j in range(j1, j2)
            ]
    return fixed, origin


def _is_real_date(value: str) -> bool:
    """Whether YYYY, YYYY-MM or YYYY-MM-DD names a real year, month or day."""
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        datetime.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def _lines_with_offsets(raw: str, start: int) -> list[tuple[str, int]]:
    """Non-blank lines with surrounding whitespace stripped, and where each begins."""
    lines = []
    for match in re.finditer(r"[^\n]+", raw[start:]):
        line = match.group()
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            lines.append((stripped, start + match.start() + lead))
    return lines


def _is_hard_wrapped(lines: list[tuple[str, int]]) -> bool:
    """Hard-wrapped text: many long lines stop without final punctuation.

    Otherwise each line is a paragraph and paragraph breaks are kept.
    """
    # the first line may be a headline, which has no final punctuation either
    long_lines = [line for line, _ in lines[1:] if len(line) > HEADING_MAX_CHARS]
    if not long_lines:
        return False
    open_ended = sum(not line.endswith(SENTENCE_END) for line in long_lines)
    return open_ended / len(long_lines) > 0.3


def _is_heading(line: str, following: str | None, *, headline: bool = False) -> bool:
    """A heading: short, capitalised, no final punctuation, and the text goes on
    with a capitalised line (or the article ends). The first line of text laid
    out in paragraphs may be a longer headline ("Syria tells US, French and
    Turkish forces to withdraw immediately"): news headlines run to 20 words."""
    longest = (
        (HEADLINE_MAX_CHARS, HEADLINE_MAX_WORDS)
        if headline
        else (
            HEADING_MAX_CHARS,
            HEADING_MAX_WORDS,
        )
    )
    if len(line) > longest[0] or len(line.split()) > longest[1]:
        return False
    if line.endswith(SENTENCE_END) or line.endswith((",", "-", "–")):
        return False
    if not line[0].isupper() and not line[0].isdigit():
        return False
    return following is None or following[0].isupper() or following[0] in "\"'“‘"


def read_article(path: str | Path, lang: str | None = None) -> Document:
    """Read one article file; raise ``InputError`` if it is not readable text."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise InputError(f"{path}: no such file") from err
    except IsADirectoryError as err:
        raise InputError(f"{path}: is a folder, not an article file") from err
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from err
    return parse_article(_decode(data, str(path)), path.stem, source=str(path), lang=lang)


#: Format characters that change nothing a reader sees; dropped at ingest.
INVISIBLE = frozenset(
    "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
#: Control characters other than tab and line breaks (C0, DEL, C1): never text, and
#: illegal in XML, so they become spaces (one for one, keeping offsets).
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _decode(data: bytes, name: str) -> str:
    """The text of a file as UTF-8 (a BOM stays, as one character, so that offsets
    count the file's characters)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")  # Windows "Unicode" text; offsets count its characters
        except UnicodeDecodeError as err:
            raise InputError(f"{name}: has a UTF-16 mark but is not valid UTF-16") from err
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not a text article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{name}: not valid UTF-8 (byte {err.start}); convert it with e.g. iconv"
        ) from err
    return text


def _clean(raw: str) -> str:
    """Line breaks and control characters made plain, one character for one, so that
    offsets into the result are offsets into ``raw``: a BOM and the CR of a CRLF
    become spaces (stripped with their line), a lone CR a line break, controls spaces."""
    if raw.startswith("\ufeff"):
        raw = " " + raw[1:]
    raw = raw.replace("\r\n", " \n").replace("\r", "\n")
    return _CONTROLS.sub(" ", raw)


#: Called with (source, reason) for an article that cannot be read.
OnError = Callable[[str, str], None]


def iter_articles(
    sources: Iterable[str | Path],
    lang: str | None = None,
    *,
    on_error: OnError | None = None,
    stdin_id: str = "stdin",
) -> Iterator[Document]:
    """Read articles from files, folders (``*.txt``, recursively) and ``-`` (stdin).

    Article ids are file stems (``stdin_id`` for standard input) and must be unique
    in one call: a second ``report.txt`` from another folder would replace the
    first article's graph, so it is refused. Without ``on_error`` a file named in
    ``sources`` that cannot be read, or a taken id, raises ``InputError``, and an
    unreadable file found inside a folder is skipped with a warning. With
    ``on_error`` every such article is passed to it and skipped, so one bad file
    does not stop a batch. A folder without articles is an error either way.
    """
    taken: dict[str, str] = {}

    def checked(document: Document) -> Document:
        first = taken.setdefault(document.id, document.source)
        if first != document.source:
            raise InputError(
                f"{document.source}: article id {document.id!r} is already taken by {first} "
                "in this batch; rename one of the files"
            )
        return document

    def attempt(read: Callable[[], Document], *, named: bool) -> Document | None:
        try:
            return checked(read())
        except InputError as err:
            if on_error is not None:
                on_error(str(err).split(":", 1)[0], str(err))
            elif named:
                raise
            else:
                log.warning("skipped %s", err)
            return None

    for source in sources:
        if str(source) == "-":
            document = attempt(
                lambda: parse_article(_decode(_read_stdin(), "stdin"), stdin_id, "stdin", lang),
                named=True,
            )
            if document is not None:
                yield document
            continue
        path = Path(source)
        if path.is_dir():
            files = _article_files(path, attempt)
            if not files:
                raise InputError(f"{path}: no article files (*.txt) in this folder")
            read = 0
            for file in files:
                document = attempt(lambda file=file: read_article(file, lang), named=False)
                if document is not None:
                    read += 1
                    yield document
            if not read and on_error is None:
                raise InputError(f"{path}: none of the {len(files)} files could be read")
        elif path.suffix == ".jsonl":
            for read in _jsonl_readers(path, lang):
                document = attempt(read, named=False)
                if document is not None:
                    yield document
        else:
            document = attempt(lambda path=path: read_article(path, lang), named=True)
            if document is not None:
                yield document


def _jsonl_readers(path: Path, lang: str | None) -> Iterator[Callable[[], Document]]:
    """One reader per line of a JSONL corpus: ``id`` and ``text``, optionally ``date``,
    ``lang`` (nl/en) and ``url``. Lines are read lazily; a bad line fails alone."""
    try:
        handle = path.open(encoding="utf-8-sig")
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from err
    with handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield lambda line=line, where=f"{path}:{number}": _jsonl_article(line, where, lang)


def _jsonl_article(line: str, where: str, lang: str | None) -> Document:
    try:
        row = json.loads(line)
    except ValueError as err:
        raise InputError(f"{where}: not JSON ({err})") from err
    if not isinstance(row, dict):
        raise InputError(f"{where}: an article is a JSON object with id and text")
    for key in ("id", "text"):
        if not isinstance(row.get(key), str) or not row[key].strip():
            raise InputError(f"{where}: field {key!r} missing or not a string")
    for key in ("date", "lang", "url"):
        if row.get(key) is not None and not isinstance(row[key], str):
            raise InputError(f"{where}: field {key!r} must be a string")
    if row.get("lang") not in (None, "nl", "en"):
        raise InputError(f"{where}: lang {row['lang']!r} is not nl or en")
    return parse_article(
        row["text"],
        row["id"],
        source=row.get("url") or where,
        lang=lang or row.get("lang"),
        date=row.get("date"),
    )


def _article_files(folder: Path, report: Callable) -> list[Path]:
    """The article files under ``folder``, sorted; a subfolder that cannot be listed
    is reported as an unreadable article instead of being passed over in silence."""

    def unreadable(err: OSError) -> None:
        def fail() -> Document:
            raise InputError(f"{err.filename}: folder cannot be read ({err.strerror})")

        report(fail, named=False)

    files = []
    for root, _dirs, names in os.walk(folder, onerror=unreadable):
        files += [Path(root, n) for n in names if Path(n).suffix in ARTICLE_SUFFIXES]
    return sorted(files)


def _read_stdin() -> bytes:
    if sys.stdin is None or sys.stdin.closed:
        raise InputError("stdin: standard input is closed; pass article files instead")
    try:
        return sys.stdin.buffer.read()
    except (OSError, ValueError) as err:
        raise InputError(f"stdin: cannot be read ({err})") from err
