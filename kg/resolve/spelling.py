"""Spelling keys: one key for the ways news spells the same name.

Dutch transliterates Russian, Kazakh or Arabic names otherwise than English
("Poetin"/"Putin", "Tokajev"/"Tokayev", "Sjojgoe"/"Shoigu"), drops accents and
hyphens ("Ri Yong Ho"/"Ri Yong-ho"), doubles or singles letters ("Kassym"/"Kasym",
"Moualem"/"Muallem") and adds or drops the Arabic article ("al-Muallem"). A
spelling key folds all of these to one form, so a name the gazetteer knows under
another spelling is still found, and a later short mention still finds its person.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from kg.gazetteer import load_gazetteer

#: Articles and particles that one spelling of a name writes and another leaves out.
ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul"})

#: Transliteration pairs, longest first: Dutch (and French) letters -> a shared form.
#: Both sides of a comparison are folded, so the target need only be shared.
_FOLDS = (
    ("tsj", "ch"),
    ("dzj", "j"),
    ("zj", "j"),
    ("zh", "j"),
    ("dj", "j"),
    ("sj", "sh"),
    ("kh", "h"),
    ("ch", "h"),
    ("oe", "u"),
    ("ou", "u"),
    ("ph", "f"),
    ("ck", "k"),
    ("w", "v"),
    ("q", "k"),
    ("x", "ks"),
    ("c", "k"),
    ("j", "i"),
    ("y", "i"),
)

#: Words that open a patronymic ("bin Salman"): news may give more of them than a title.
NASAB = frozenset({"bin", "ibn", "bint", "ben"})

#: Shortest key a one-word name may be found by (shorter ones say too little).
MIN_SINGLE = 5


@functools.lru_cache(maxsize=65536)  # the name finder asks for every stretch of every name
def spelling_key(name: str) -> str:
    """The key of a name: "Kasym-Zjomart Tokajev" and "Kassym-Jomart Tokayev"
    both give "kasim iomart tokaiev"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’`‘]", "", text)
    words = [w for w in re.split(r"[\s\-‐–]+", text) if w]
    if len(words) > 1:
        words = [w for w in words if w not in ARTICLES] or words
    key = " ".join(words)
    for before, after in _FOLDS:
        key = key.replace(before, after)
    return re.sub(r"(.)\1+", r"\1", key)  # "kassym" -> "kasim", "muallem" -> "mualem"


def spelling_keys(name: str) -> list[str]:
    """The key of a name, then the keys of it with fewer patronymic parts:
    "Mohammed bin Abdulrahman bin Jassim Al Thani" also as "... bin Abdulrahman
    Al Thani" (the first kept) and "Mohammed Al Thani" (none)."""
    words = name.split()
    keys = [spelling_key(name)]
    opens = [i for i, w in enumerate(words[:-1]) if w.lower() in NASAB and i > 0]
    for keep in (1, 0):
        cut = set()
        for i in opens[keep:]:
            cut |= {i, i + 1}
        if cut and len(words) - len(cut) >= 2:
            shorter = " ".join(w for i, w in enumerate(words) if i not in cut)
            keys.append(spelling_key(shorter))
    return list(dict.fromkeys(keys))


@functools.cache
def spelling_index(lang: str) -> dict[str, str]:
    """Spelling key -> actor key, for every alias whose key names one actor only."""
    found: dict[str, set[str]] = {}
    for alias, key in load_gazetteer().alias_table(lang):
        folded = spelling_key(alias)
        if " " in folded or len(folded) >= MIN_SINGLE:
            found.setdefault(folded, set()).add(key)
    return {folded: next(iter(keys)) for folded, keys in found.items() if len(keys) == 1}
