"""Which language an article is in: Dutch or English, with a warning for any other.

A statistical detector (lingua, n-gram models that ship inside the wheel and load
offline) instead of function-word counts, which read "Biden met Xi in San Francisco"
as Dutch because "met" and "in" are Dutch words. The detector knows a few other
languages too, so that an article in German or French is reported as unsupported
instead of being silently parsed as Dutch.
"""

from __future__ import annotations

import logging
from functools import cache

log = logging.getLogger(__name__)

#: The languages geokg reads, by lingua's name, and their codes.
SUPPORTED = {"DUTCH": "nl", "ENGLISH": "en"}
#: Languages recognised only to be reported (frequent in European news feeds).
RECOGNISED = ("GERMAN", "FRENCH", "SPANISH", "ITALIAN", "PORTUGUESE")
#: Enough text to decide; more only costs time.
SAMPLE_CHARS = 3000


@cache
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in (*SUPPORTED, *RECOGNISED)]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def detect_language(text: str, name: str = "the article") -> str:
    """``"nl"`` or ``"en"``: the supported language ``text`` is most likely in.

    Text in another recognised language is logged as unsupported and read in the
    closer of Dutch and English; text with no letters is Dutch.
    """
    sample = text[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return "nl"
    values = _detector().compute_language_confidence_values(sample)
    best = values[0].language.name
    if best not in SUPPORTED:
        log.warning(
            "%s looks %s, which geokg does not read; extracting it as %s (use --lang)",
            name,
            best.capitalize(),
            "English" if _closer_supported(values) == "en" else "Dutch",
        )
    return _closer_supported(values)


def _closer_supported(values) -> str:
    for value in values:
        if value.language.name in SUPPORTED:
            return SUPPORTED[value.language.name]
    return "nl"
