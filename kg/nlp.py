"""Language pipelines: geokg's own trained spaCy models, loaded lazily and cached.

``load("nl")`` returns the Dutch pipeline shipped inside the package. A user
with an installed official pipeline (``nl_core_news_sm`` ...) or another
trained model can pass its name or path instead.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from kg.auxiliaries import auxiliaries_from_function  # registers geokg_auxiliaries
from kg.compounds import CompoundLemmas  # registers the geokg_compounds factory
from kg.errors import ModelError
from kg.irregular_lemmas import irregular_lemmas  # registers geokg_irregular_lemmas
from kg.name_norms import name_norms  # registers geokg_name_norms
from kg.resources import model_dir
from kg.verb_roots import verb_roots  # registers geokg_verb_roots

LANGUAGES = ("nl", "en")
log = logging.getLogger(__name__)
__all__ = [
    "LANGUAGES",
    "CompoundLemmas",
    "auxiliaries_from_function",
    "build_pipeline",
    "irregular_lemmas",
    "load",
    "name_norms",
    "verb_roots",
]


#: What may end a sentence; closing quotes and brackets may follow it.
SENTENCE_END = frozenset(".!?…;:")
CLOSING = frozenset("\"'”’»)]")


@Language.component("geokg_sentence_starts")
def sentence_starts(doc: Doc) -> Doc:
    """Sentences start after paragraph breaks and after final punctuation only.

    A paragraph break always starts one, so a heading or a paragraph that lacks its
    full stop never runs into the next. Anywhere else the parser may start one only
    after sentence-final punctuation: news sentences end with it, and the parser
    otherwise splits before verbs that follow a name it never saw ("Pompeo |
    bezocht Pyongyang").
    """
    # The flags go in with one from_array call: setting token.is_sent_start one
    # token at a time makes spaCy rescan the doc each time (quadratic: 63 s for a
    # 200,000-character line without punctuation).
    starts = doc.to_array([SENT_START]).astype("int64")  # -1: not a start
    for token in doc[1:]:
        if token.is_space:
            starts[token.i] = -1  # layout belongs to the sentence before it
            continue
        before = token.i - 1
        while before > 0 and (
            doc[before].text in CLOSING or (doc[before].is_space and "\n" not in doc[before].text)
        ):
            before -= 1
        previous = doc[before]
        if previous.is_space and "\n" in previous.text:
            starts[token.i] = 1
        elif previous.text[-1:] not in SENTENCE_END:
            starts[token.i] = -1
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


@functools.cache
def load(lang: str, model: str | None = None) -> Language:
    """The spaCy pipeline for ``lang`` (``"nl"`` or ``"en"``), cached and shared by
    geokg's extraction: add no components to it (``build_pipeline`` makes your own)."""
    return build_pipeline(lang, model)


def build_pipeline(lang: str, model: str | None = None) -> Language:
    """A new spaCy pipeline for ``lang`` (``"nl"`` or ``"en"``) with geokg's components.

    ``model`` is an installed package name or a folder; by default the pipeline
    shipped with geokg is used, and also where ``model`` is for another language.

    >>> nlp = load("nl")  # doctest: +SKIP
    >>> [t.dep_ for t in nlp("Hij beloofde steun aan Moskou.")]  # doctest: +SKIP
    ['nsubj', 'root', 'obj', 'case', 'nmod', 'punct']
    """
    if lang not in LANGUAGES and model is None:
        raise ModelError(f"no pipeline for language {lang!r}; geokg reads {', '.join(LANGUAGES)}")
    if model is None:
        folder = model_dir(lang)
        if not folder.joinpath("config.cfg").is_file():
            raise ModelError(
                f"the {lang} pipeline is not installed in {folder}; "
                f"train it with `python -m training {lang}` and package it"
            )
        source: str | Path = Path(str(folder))
    else:
        source = model
    try:
        nlp = spacy.load(source)
    except (OSError, ValueError) as err:
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise ModelError(f"cannot load spaCy pipeline {source!s}: {first}") from err
    if model is not None and nlp.lang != lang:
        # "--model" names a pipeline for one language; articles in another one
        # keep the shipped pipeline of theirs
        log.warning("pipeline %s is for %r; %r articles use geokg's own", model, nlp.lang, lang)
        return build_pipeline(lang)
    if "parser" in nlp.pipe_names and "geokg_sentence_starts" not in nlp.pipe_names:
        nlp.add_pipe("geokg_sentence_starts", before="parser")
    if "geokg_irregular_lemmas" not in nlp.pipe_names and any(
        "lemmatizer" in name for name in nlp.pipe_names
    ):
        nlp.add_pipe("geokg_irregular_lemmas", last=True)
    if lang == "en" and model is None and "geokg_name_norms" not in nlp.pipe_names:
        # the shipped English pipeline misreads foreign names (kg/name_norms.py); on the
        # Dutch one, trained on more news, the same measured no better
        nlp.add_pipe("geokg_name_norms", first=True)
    if "parser" in nlp.pipe_names and "geokg_verb_roots" not in nlp.pipe_names:
        nlp.add_pipe("geokg_verb_roots", after="parser")
    return nlp


#: Texts longer than this are parsed in pieces: spaCy refuses texts over
#: ``nlp.max_length`` (E088), and the parser's memory grows with the text.
CHUNK_CHARS = 100_000


def parse(nlp: Language, text: str) -> Doc:
    """``nlp(text)``, in pieces cut at paragraph or sentence breaks when the text is long.

    The pieces are joined back with ``Doc.from_docs``, so the doc's text and every
    character offset are those of ``text``.
    """
    if len(text) <= CHUNK_CHARS:
        return nlp(text)
    return Doc.from_docs(list(nlp.pipe(_pieces(text))), ensure_whitespace=False)


def _pieces(text: str) -> list[str]:
    """Consecutive pieces of at most CHUNK_CHARS that add up to ``text`` exactly,
    each cut after a paragraph break, else after a full stop, else after a space
    (in the second half of the piece, so that pieces stay large)."""
    pieces, start = [], 0
    while len(text) - start > CHUNK_CHARS:
        window = text[start : start + CHUNK_CHARS]
        cut = CHUNK_CHARS  # no break at all: cut inside the word
        for mark in ("\n\n", ". ", " "):
            at = window.rfind(mark)
            if at >= CHUNK_CHARS // 2:
                cut = at + len(mark)
                break
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces
