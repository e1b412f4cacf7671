"""The actor gazetteer: who and what can stand at either end of a relation.

The gazetteer is data, not code: tab-separated files under
``ontology/gazetteer/`` (``generated/`` is rebuilt by
``scripts/build_gazetteer.py``; ``facts/`` is written by hand), plus any folder
of the same kind of files named by ``GEOKG_GAZETTEER_EXTRA`` or passed to
:func:`load_gazetteer`. A file's role follows from its name:

- ``roles*.tsv``: person, role, org, start, end, words_en, words_nl
- ``demonyms*.tsv``: word, lang, key
- ``metonyms*.tsv``: word, lang, key, place (yes/no)
- ``aliases*.tsv``: key, alias, lang
- any other ``*.tsv``: actors with key, kind, name, name_nl, wikidata, gender,
  country, aliases_en, aliases_nl (extra columns such as ``capital_of`` allowed)

Lines starting with ``#`` are comments; lists inside a cell are ``|``-separated;
``lang`` is ``nl``, ``en`` or ``mul`` (both). An actor row in the extra folder
whose key exists replaces the shipped fields it fills and adds its aliases.

>>> gaz = load_gazetteer()
>>> gaz.actors["vladimir_putin"].name
'Vladimir Putin'
>>> [a.name for a in gaz.holders("head_of_state", "united_states", "2022-06-01")]
['Joe Biden']
"""

from __future__ import annotations

import calendar
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date as Date
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType

from kg.errors import DataError
from kg.records import ACTOR_CLASSES, Actor
from kg.resources import ontology_file

ENV_EXTRA = "GEOKG_GAZETTEER_EXTRA"
LANGS = ("nl", "en", "mul")
_KEY = re.compile(r"[a-z0-9_]+(/[a-z0-9_]+)?")
_QID = re.compile(r"Q[1-9][0-9]*")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_ACTOR_COLUMNS = (
    "key",
    "kind",
    "name",
    "name_nl",
    "wikidata",
    "gender",
    "country",
    "aliases_en",
    "aliases_nl",
)
_COLUMNS = {
    "roles": ("person", "role", "org", "start", "end", "words_en", "words_nl"),
    "demonyms": ("word", "lang", "key"),
    "metonyms": ("word", "lang", "key", "place"),
    "aliases": ("key", "alias", "lang"),
}


@dataclass(frozen=True)
class Role:
    """One term in office: ``person`` held ``role`` of ``org`` from ``start`` to ``end``."""

    person: str
    role: str
    org: str
    start: str
    end: str | None  # None: still in office
    words: tuple[tuple[str, str], ...] = ()  # (office word, language)


def date_span(value: str) -> tuple[Date, Date]:
    """The first day of a ``YYYY``/``YYYY-MM``/``YYYY-MM-DD`` date and the day after its last.

    >>> date_span("2024-02")
    (datetime.date(2024, 2, 1), datetime.date(2024, 3, 1))
    """
    match = _DATE.fullmatch(value.strip())
    if not match:
        raise ValueError(f"not a YYYY, YYYY-MM or YYYY-MM-DD date: {value!r}")
    year, month, day = (int(g) if g else None for g in match.groups())
    if month is None:
        return Date(year, 1, 1), Date(year + 1, 1, 1)
    if day is None:
        last = calendar.monthrange(year, month)[1]
        return Date(year, month, 1), Date.fromordinal(Date(year, month, last).toordinal() + 1)
    start = Date(year, month, day)
    return start, Date.fromordinal(start.toordinal() + 1)


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _rows(path: Traversable | Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict]]:
    """(line number, row) pairs of a TSV whose header must hold ``columns``."""
    text = path.read_text(encoding="utf-8")
    header: list[str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            missing = [c for c in columns if c not in header]
            if missing:
                raise DataError(f"{path}:{number}: header lacks column(s) {', '.join(missing)}")
            continue
        if len(cells) != len(header):
            raise DataError(
                f"{path}:{number}: expected {len(header)} tab-separated columns, found {len(cells)}"
            )
        yield number, dict(zip(header, cells, strict=True))


def _tsv_files(folder: Traversable | Path) -> Iterator[Traversable | Path]:
    """The ``.tsv`` files under ``folder`` (sorted, recursive), skipping build inputs."""
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_dir() and entry.name != "inputs":
            yield from _tsv_files(entry)
        elif entry.name.endswith(".tsv"):
            yield entry


def _file_kind(path: Traversable | Path) -> str:
    return next((k for k in _COLUMNS if path.name.startswith(k)), "actors")


class Gazetteer:
    """Actors with their names in Dutch and English, their roles over time and their cues.

    Build one with :func:`load_gazetteer`; it is read-only after loading.
    """

    def __init__(self, folders: list[Traversable | Path]) -> None:
        self.actors: dict[str, Actor] = {}
        self.roles: list[Role] = []
        self._capital: dict[str, str] = {}  # city key -> state key
        self._demonyms: dict[str, str] = {}
        self._adjectives: dict[tuple[str, str], str] = {}  # (key, lang) -> first demonym
        self._metonyms: dict[str, tuple[str, bool]] = {}
        self._refs: list[tuple[str, str]] = []  # (key, "file:line") to check after loading
        fields: dict[str, dict] = {}
        files = [(f, i > 0) for i, folder in enumerate(folders) for f in _tsv_files(folder)]
        for path, extra in files:
            if _file_kind(path) == "actors":
                self._read_actors(path, fields, extra)
        for path, _ in files:
            kind = _file_kind(path)
            if kind != "actors":
                getattr(self, f"_read_{kind}")(path, fields)
        self.actors = {key: Actor(**f) for key, f in fields.items()}
        for key, where in self._refs:
            if key not in self.actors:
                raise DataError(f"{where}: unknown actor key {key!r}")
        self._index_capitals()
        # Query-time caches: the roles' dates parsed once, the roles in office per
        # date asked and the office words per language (the gazetteer is read-only).
        self._role_days = [
            (role, date_span(role.start)[0], date_span(role.end)[0] if role.end else Date.max)
            for role in self.roles
        ]
        self._terms_at: dict[str, tuple[tuple[Role, int], ...]] = {}
        self._office_words: dict[str, dict[str, str]] = {}

    # -- loading ---------------------------------------------------------------------------
    def _read_actors(self, path: Traversable | Path, fields: dict[str, dict], extra: bool) -> None:
        for number, row in _rows(path, _ACTOR_COLUMNS):
            where = f"{path}:{number}"
            key, kind = row["key"], row["kind"]
            if not _KEY.fullmatch(key):
                raise DataError(f"{where}: key {key!r} is not snake_case ascii")
            if kind not in ACTOR_CLASSES:
                raise DataError(f"{where}: kind {kind!r} is not one of {', '.join(ACTOR_CLASSES)}")
            if not row["name"]:
                raise DataError(f"{where}: actor {key!r} has no name")
            if row["wikidata"] and not _QID.fullmatch(row["wikidata"]):
                raise DataError(f"{where}: {row['wikidata']!r} is not a Wikidata Q-id")
            if row["gender"] not in ("", "m", "f"):
                raise DataError(f"{where}: gender must be m, f or empty, not {row['gender']!r}")
            aliases = [(a, "en") for a in _split(row["aliases_en"])]
            aliases += [(a, "nl") for a in _split(row["aliases_nl"])]
            new = {
                "key": key,
                "kind": kind,
                "name": row["name"],
                "name_nl": row["name_nl"] or None,
                "wikidata": row["wikidata"] or None,
                "gender": row["gender"] or None,
                "country": row["country"] or None,
            }
            if key in fields and not extra:
                raise DataError(f"{where}: actor key {key!r} is defined twice")
            old = fields.setdefault(key, {**new, "aliases": ()})
            old.update({k: v for k, v in new.items() if v})
            old["aliases"] = tuple(dict.fromkeys((*old["aliases"], *aliases)))
            if row["country"]:
                self._refs.append((row["country"], where))
            if row.get("capital_of"):
                self._capital[key] = row["capital_of"]
                self._refs.append((row["capital_of"], where))

    def _lang(self, value: str, where: str) -> str:
        if value not in LANGS:
            raise DataError(f"{where}: lang must be one of {', '.join(LANGS)}, not {value!r}")
        return value

    def _read_aliases(self, path: Traversable | Path, fields: dict[str, dict]) -> None:
        for number, row in _rows(path, _COLUMNS["aliases"]):
            where = f"{path}:{number}"
            lang = self._lang(row["lang"], where)
            if row["key"] not in fields:
                raise DataError(f"{where}: unknown actor key {row['key']!r}")
            actor = fields[row["key"]]
            actor["aliases"] = tuple(dict.fromkeys((*actor["aliases"], (row["alias"], lang))))

    def _read_demonyms(self, path: Traversable | Path, fields: dict[str, dict]) -> None:
        for number, row in _rows(path, _COLUMNS["demonyms"]):
            where = f"{path}:{number}"
            self._lang(row["lang"], where)
            if not row["word"]:
                raise DataError(f"{where}: empty demonym")
            self._demonyms.setdefault(row["word"].lower(), row["key"])
            if "combining" not in path.name:  # "Sino" finds China but is no adjective
                self._adjectives.setdefault((row["key"], row["lang"]), row["word"])
            self._refs.append((row["key"], where))

    def _read_metonyms(self, path: Traversable | Path, fields: dict[str, dict]) -> None:
        for number, row in _rows(path, _COLUMNS["metonyms"]):
            where = f"{path}:{number}"
            self._lang(row["lang"], where)
            if row["place"] not in ("yes", "no"):
                raise DataError(f"{where}: place must be yes or no, not {row['place']!r}")
            self._metonyms[row["word"].lower()] = (row["key"], row["place"] == "yes")
            self._refs.append((row["key"], where))

    def _read_roles(self, path: Traversable | Path, fields: dict[str, dict]) -> None:
        for number, row in _rows(path, _COLUMNS["roles"]):
            where = f"{path}:{number}"
            if not row["role"]:
                raise DataError(f"{where}: empty role")
            for column in ("start", "end"):
                if (row[column] or column == "start") and not self._valid_date(row[column]):
                    raise DataError(
                        f"{where}: {column} {row[column]!r} is not a valid "
                        "YYYY, YYYY-MM or YYYY-MM-DD date"
                    )
            words = [(w, "en") for w in _split(row["words_en"])]
            words += [(w, "nl") for w in _split(row["words_nl"])]
            self.roles.append(
                Role(
                    row["person"],
                    row["role"],
                    row["org"],
                    row["start"],
                    row["end"] or None,
                    tuple(words),
                )
            )
            self._refs += [(row["person"], where), (row["org"], where)]

    @staticmethod
    def _valid_date(value: str) -> bool:
        try:
            date_span(value)
        except ValueError:
            return False
        return True

    def _index_capitals(self) -> None:
        """A capital's names stand for its state, unless a hand-written metonym says otherwise."""
        for city, state in self._capital.items():
            actor = self.actors[city]
            for name in (actor.name, actor.name_nl, *(a for a, _ in actor.aliases)):
                if name:
                    self._metonyms.setdefault(name.lower(), (state, True))

    # -- queries ---------------------------------------------------------------------------
    def alias_table(self, lang: str) -> list[tuple[str, str]]:
        """(surface form, actor key) pairs for matching text in ``lang`` ("nl" or "en").

        Every actor's English name counts in both languages (Dutch news writes
        "Xi Jinping" too); the Dutch name and aliases tagged ``nl`` only for "nl".
        """
        table: dict[tuple[str, str], None] = {}
        for key, actor in self.actors.items():
            names = [actor.name, re.sub(r"\s*\(.*?\)$", "", actor.name)]
            if lang == "nl" and actor.name_nl:
                names.append(actor.name_nl)
            names += [a for a, tag in actor.aliases if tag in (lang, "mul")]
            if lang == "nl":
                names += [n for n in map(self._uninflected, names) if n]
            for name in names:
                table[(name, key)] = None
                # news often drops the accents: "Lopez Obrador", "Erdogan"
                table[(_without_accents(name), key)] = None
        return list(table)

    def _uninflected(self, name: str) -> str | None:
        """A Dutch name opening with an inflected demonym, without its -e: "het
        Amerikaans ministerie" beside "het Amerikaanse ministerie" (writers differ)."""
        first, _, rest = name.partition(" ")
        if rest and first.endswith("e") and self.demonym(first) and self.demonym(first[:-1]):
            return f"{first[:-1]} {rest}"
        return None

    def demonym(self, word: str) -> str | None:
        """The actor key an adjective refers to ("Russische" -> "russia"), any case."""
        return self._demonyms.get(word.strip().lower())

    def demonyms(self) -> MappingProxyType[str, str]:
        """Every demonym (lower case) -> the actor key it refers to, read-only."""
        return MappingProxyType(self._demonyms)

    def adjective(self, key: str, lang: str = "en") -> str | None:
        """The first demonym listed for an actor ("north_macedonia" -> "Macedonian")."""
        return self._adjectives.get((key, lang))

    def seats_of_power(self) -> list[tuple[str, str]]:
        """(word, key) for metonyms that are not places: "Kremlin", "Witte Huis"."""
        return [(word, key) for word, (key, place) in sorted(self._metonyms.items()) if not place]

    def metonym(self, word: str) -> tuple[str, bool] | None:
        """(actor key, whether ``word`` can also be a place) for a seat of power or capital."""
        return self._metonyms.get(word.strip().lower())

    def capital_of(self, city_key: str) -> str | None:
        """The state whose capital ``city_key`` is, or None."""
        return self._capital.get(city_key)

    def country_of(self, key: str) -> str | None:
        """The state an actor belongs to; a state is its own country."""
        actor = self.actors.get(key)
        if actor is None:
            return None
        return key if actor.kind == "State" else actor.country

    def _terms(self, when: str | None) -> tuple[tuple[Role, int], ...]:
        """Roles that overlap ``when`` (None: today), with the days of overlap."""
        when = when or Date.today().isoformat()
        terms = self._terms_at.get(when)
        if terms is None:
            start, end = date_span(when)
            terms = tuple(
                (role, overlap)
                for role, begin, finish in self._role_days
                if (overlap := (min(end, finish) - max(start, begin)).days) > 0
            )
            if len(self._terms_at) >= 4096:  # a corpus of many dates: memory stays bounded
                self._terms_at.clear()
            self._terms_at[when] = terms
        return terms

    def holders(self, role: str, org: str, date: str | None = None) -> list[Actor]:
        """Who held ``role`` of ``org`` on ``date`` (YYYY, YYYY-MM, YYYY-MM-DD; None: today).

        For a month or year, everyone in office during it, the longest-serving first.
        """
        terms = sorted(
            (
                (-days, r.start, r.person)
                for r, days in self._terms(date)
                if r.role == role and r.org == org
            )
        )
        return [self.actors[p] for p in dict.fromkeys(person for _, _, person in terms)]

    def holders_for_word(self, word: str, org: str, date: str | None = None) -> list[Actor]:
        """Who held an office called ``word`` ("premier", "president") of ``org`` on ``date``.

        Unlike ``holders(office_words(lang)[word], ...)``, this follows each term's own
        words: "president" of Iran is its head of government, of France its head of state.
        """
        word = word.strip().lower()
        terms = sorted(
            (-days, r.start, r.person)
            for r, days in self._terms(date)
            if r.org == org and any(w.lower() == word for w, _ in r.words)
        )
        return [self.actors[p] for p in dict.fromkeys(person for _, _, person in terms)]

    def office_holders(self, date: str | None = None) -> list[Actor]:
        """Everyone in an office the gazetteer lists on ``date`` (None: today)."""
        return [self.actors[p] for p in dict.fromkeys(r.person for r, _ in self._terms(date))]

    def roles_of(self, person: str, date: str | None = None) -> list[tuple[str, str]]:
        """(role, org) pairs that ``person`` held on ``date`` (None: today)."""
        pairs = ((r.role, r.org) for r, _ in self._terms(date) if r.person == person)
        return list(dict.fromkeys(pairs))

    def roles_at(self, date: str | None = None) -> dict[str, tuple[tuple[str, str], ...]]:
        """Each person in office on ``date`` -> what ``roles_of`` gives for them then."""
        held: dict[str, dict[tuple[str, str], None]] = {}
        for r, _ in self._terms(date):
            held.setdefault(r.person, {})[(r.role, r.org)] = None
        return {person: tuple(pairs) for person, pairs in held.items()}

    def office_words(self, lang: str) -> dict[str, str]:
        """Office word (lower case) -> the role it most often names, for ``lang``."""
        if lang not in self._office_words:
            self._office_words[lang] = self._count_office_words(lang)
        return dict(self._office_words[lang])  # a copy: the caller may change it

    def _count_office_words(self, lang: str) -> dict[str, str]:
        counts: dict[str, Counter[str]] = {}
        for role in self.roles:
            for word, tag in role.words:
                if tag in (lang, "mul"):
                    counts.setdefault(word.lower(), Counter())[role.role] += 1
        return {word: c.most_common(1)[0][0] for word, c in sorted(counts.items())}


def load_gazetteer(extra: str | Path | None = None) -> Gazetteer:
    """The shipped gazetteer plus the TSV folder ``extra`` (default: ``$GEOKG_GAZETTEER_EXTRA``).

    Loaded once per folder and cached; raises :class:`kg.errors.DataError` naming the
    file and line of a malformed row.
    """
    folder = extra if extra is not None else os.environ.get(ENV_EXTRA) or None
    return _load(str(Path(folder).resolve()) if folder else None)


@lru_cache(maxsize=4)
def _load(extra: str | None) -> Gazetteer:
    folders: list[Traversable | Path] = [ontology_file("gazetteer")]
    if extra:
        path = Path(extra)
        if not path.is_dir():
            raise DataError(f"{path}: gazetteer folder not found (set {ENV_EXTRA} to a folder)")
        folders.append(path)
    return Gazetteer(folders)


def _without_accents(text: str) -> str:
    """ "López Obrador" -> "Lopez Obrador" (letters like "ø" and "ł" stay)."""
    letters = unicodedata.normalize("NFKD", text)
    return "".join(c for c in letters if not unicodedata.combining(c))
